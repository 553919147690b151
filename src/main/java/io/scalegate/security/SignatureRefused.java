package io.scalegate.security;

import io.scalegate.base.AuditAction;
import io.scalegate.base.AuditSubject;
import io.scalegate.base.Audited;
import java.util.Map;

/**
 * A signing attempt was refused (wrong password, locked); published in the attempt's own
 * transaction.
 */
record SignatureRefused(String username, String reason) implements Audited {

	@Override
	public AuditAction action() {
		return AuditAction.SIGNATURE_REFUSED;
	}

	@Override
	public AuditSubject subjectType() {
		return AuditSubject.USER;
	}

	@Override
	public String subjectId() {
		return username;
	}

	@Override
	public String actor() {
		return username;
	}

	@Override
	public Map<String, Object> details() {
		return Map.of("reason", reason);
	}

}
