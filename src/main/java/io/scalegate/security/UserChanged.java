package io.scalegate.security;

import io.scalegate.base.AuditAction;
import io.scalegate.base.AuditNote;
import io.scalegate.base.AuditSubject;
import io.scalegate.base.Audited;
import java.util.Map;
import java.util.Set;

/**
 * An account was created or its name, password or roles were set (the password itself is
 * never part of it); by whoever is acting.
 */
record UserChanged(String username, String fullName, Set<Role> roles, boolean created) implements Audited {

	@Override
	public AuditNote audit() {
		return new AuditNote(AuditAction.USER_CHANGED, AuditSubject.USER, username, null, Map.of("fullName", fullName,
				"roles", roles.stream().map(Enum::name).sorted().toList(), "created", created));
	}

}
