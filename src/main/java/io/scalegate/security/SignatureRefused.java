package io.scalegate.security;

import io.scalegate.base.AuditAction;
import io.scalegate.base.AuditNote;
import io.scalegate.base.AuditSubject;
import io.scalegate.base.Audited;
import java.util.Map;

/**
 * A signing attempt was refused (wrong password, locked); published in the attempt's own
 * transaction.
 */
record SignatureRefused(String username, String reason) implements Audited {

	@Override
	public AuditNote audit() {
		return new AuditNote(AuditAction.SIGNATURE_REFUSED, AuditSubject.USER, username, username,
				Map.of("reason", reason));
	}

}
