package io.scalegate.security;

import io.scalegate.base.AuditAction;
import io.scalegate.base.AuditNote;
import io.scalegate.base.AuditSubject;
import io.scalegate.base.Audited;
import java.util.Map;

/**
 * A person chose a new password (never part of the event): on their account page, or in
 * place of a one-time password.
 */
record PasswordChanged(String username, boolean replacedOneTimePassword) implements Audited {

	@Override
	public AuditNote audit() {
		return new AuditNote(AuditAction.PASSWORD_CHANGED, AuditSubject.USER, username, username,
				Map.of("how", replacedOneTimePassword ? "one-time password replaced" : "changed on the account page"));
	}

}
