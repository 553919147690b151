package io.scalegate.security;

import io.scalegate.base.AuditAction;
import io.scalegate.base.AuditNote;
import io.scalegate.base.AuditSubject;
import io.scalegate.base.Audited;
import java.util.Map;

/**
 * An administrator disabled an account: it can neither sign in nor sign until enabled
 * again. Accounts are never deleted: signatures and the trail keep the user id.
 */
record UserDisabled(String username, String reason, String by) implements Audited {

	@Override
	public AuditNote audit() {
		return new AuditNote(AuditAction.USER_DISABLED, AuditSubject.USER, username, by, Map.of("reason", reason));
	}

}
