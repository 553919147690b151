package io.scalegate.security;

import io.scalegate.base.AuditAction;
import io.scalegate.base.AuditNote;
import io.scalegate.base.AuditSubject;
import io.scalegate.base.Audited;
import java.util.Map;

/**
 * An administrator reset an account's password: the system issued a one-time password
 * (never part of the event), shown once to the administrator, that the person must change
 * at the next sign-in.
 */
record OneTimePasswordIssued(String username, String reason, String by) implements Audited {

	@Override
	public AuditNote audit() {
		return new AuditNote(AuditAction.ONE_TIME_PASSWORD_ISSUED, AuditSubject.USER, username, by,
				Map.of("reason", reason));
	}

}
