package io.scalegate.security;

import io.scalegate.base.AuditAction;
import io.scalegate.base.AuditNote;
import io.scalegate.base.AuditSubject;
import io.scalegate.base.Audited;
import java.util.Map;

/**
 * An administrator lifted the signing lock of an account (after
 * {@link SigningCredentials#MAX_FAILURES} wrong signing passwords) and cleared its
 * failures.
 */
record SigningUnlocked(String username, boolean wasLocked, String reason, String by) implements Audited {

	@Override
	public AuditNote audit() {
		return new AuditNote(AuditAction.SIGNING_UNLOCKED, AuditSubject.USER, username, by,
				Map.of("wasLocked", wasLocked, "reason", reason));
	}

}
