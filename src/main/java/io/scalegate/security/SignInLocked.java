package io.scalegate.security;

import io.scalegate.base.AuditAction;
import io.scalegate.base.AuditNote;
import io.scalegate.base.AuditSubject;
import io.scalegate.base.Audited;
import io.scalegate.security.SignInLock.Kind;
import java.time.Instant;
import java.util.Map;

/** Too many failed sign-ins: an account or a client address is locked until a time. */
record SignInLocked(Kind kind, String subject, int failures, Instant until) implements Audited {

	@Override
	public AuditNote audit() {
		return new AuditNote(AuditAction.LOGIN_LOCKED, kind == Kind.ACCOUNT ? AuditSubject.USER : AuditSubject.SYSTEM,
				kind == Kind.ACCOUNT ? subject : "address " + subject, SecurityActingUser.SYSTEM,
				Map.of("kind", kind.name(), "failures", failures, "lockedUntil", until.toString()));
	}

}
