package io.scalegate.security;

import io.scalegate.base.AuditAction;
import io.scalegate.base.AuditNote;
import io.scalegate.base.AuditSubject;
import io.scalegate.base.Audited;
import java.util.Map;

/** An administrator enabled a disabled account again. */
record UserEnabled(String username, String reason, String by) implements Audited {

	@Override
	public AuditNote audit() {
		return new AuditNote(AuditAction.USER_ENABLED, AuditSubject.USER, username, by, Map.of("reason", reason));
	}

}
