package io.scalegate.security;

import io.scalegate.base.AuditAction;
import io.scalegate.base.AuditNote;
import io.scalegate.base.AuditSubject;
import io.scalegate.base.Audited;
import java.util.Map;

/**
 * A signing PIN was set by its owner ({@code reset} false) or cleared by an administrator
 * with a reason ({@code reset} true); the PIN itself is never part of it.
 */
record SigningPinChanged(String username, boolean reset, String reason) implements Audited {

	@Override
	public AuditNote audit() {
		return reset
				? new AuditNote(AuditAction.SIGNING_PIN_RESET, AuditSubject.USER, username, null,
						Map.of("reason", reason))
				: new AuditNote(AuditAction.SIGNING_PIN_SET, AuditSubject.USER, username, null, Map.of());
	}

}
