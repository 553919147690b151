package io.scalegate.security;

import io.scalegate.base.AuditAction;
import io.scalegate.base.AuditNote;
import io.scalegate.base.AuditSubject;
import io.scalegate.base.Audited;
import io.scalegate.security.SignInLock.Kind;
import java.util.Map;

/**
 * An administrator lifted the sign-in lock of an account or address, or cleared its
 * failures; with the reason when the administrator gave one.
 */
record SignInUnlocked(Kind kind, String subject, boolean wasLocked, String by, String reason) implements Audited {

	@Override
	public AuditNote audit() {
		return new AuditNote(AuditAction.LOGIN_UNLOCKED, kind == Kind.ACCOUNT ? AuditSubject.USER : AuditSubject.SYSTEM,
				kind == Kind.ACCOUNT ? subject : "address " + subject, by,
				reason == null ? Map.of("kind", kind.name(), "wasLocked", wasLocked)
						: Map.of("kind", kind.name(), "wasLocked", wasLocked, "reason", reason));
	}

}
