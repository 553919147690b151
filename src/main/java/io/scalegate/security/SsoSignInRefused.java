package io.scalegate.security;

import io.scalegate.base.AuditAction;
import io.scalegate.base.AuditNote;
import io.scalegate.base.AuditSubject;
import io.scalegate.base.Audited;
import java.util.Map;

/**
 * A company sign-in was refused after the identity provider vouched for the person: no
 * mapped role, a disabled account, or a user id that belongs to another account.
 */
record SsoSignInRefused(String username, String issuer, String subject,
		String reason) implements Audited.KeptAfterRollback {

	@Override
	public AuditNote audit() {
		return new AuditNote(AuditAction.SSO_SIGN_IN_REFUSED, AuditSubject.USER, username, username,
				Map.of("issuer", issuer, "subject", subject, "reason", reason));
	}

}
