package io.scalegate.security;

import io.scalegate.base.AuditAction;
import io.scalegate.base.AuditNote;
import io.scalegate.base.AuditSubject;
import io.scalegate.base.Audited;
import java.util.Map;
import java.util.Set;

/**
 * An administrator created an account, with a one-time password the person must change at
 * the first sign-in (never part of the event).
 */
record UserCreated(String username, String fullName, String email, Set<Role> roles, String reason,
		String by) implements Audited {

	@Override
	public AuditNote audit() {
		return new AuditNote(AuditAction.USER_CREATED, AuditSubject.USER, username, by, Map.of("fullName", fullName,
				"email", email == null ? "" : email, "roles", UserEdited.names(roles), "reason", reason));
	}

}
