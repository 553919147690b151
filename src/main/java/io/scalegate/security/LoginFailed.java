package io.scalegate.security;

import io.scalegate.base.AuditAction;
import io.scalegate.base.AuditNote;
import io.scalegate.base.AuditSubject;
import io.scalegate.base.Audited;
import java.util.Map;

/**
 * Someone failed to sign in or to authenticate a request: the name given (at most 100
 * characters; "api token" for a bearer token, whose "name" is its secret) and the
 * exception's simple name.
 */
record LoginFailed(String username, String reason) implements Audited {

	@Override
	public AuditNote audit() {
		return new AuditNote(AuditAction.LOGIN_FAILED, AuditSubject.USER, username, username, Map.of("reason", reason));
	}

}
