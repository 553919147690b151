package io.scalegate.task;

import io.scalegate.base.AuditAction;
import io.scalegate.base.AuditSubject;
import io.scalegate.base.Audited;
import java.util.Map;

/**
 * The four-eyes rule refused someone's signature at a gate. Published in the refused
 * (rolled-back) transaction; the trail records it after the rollback.
 */
record GateSigningRefused(String username, String taskId, String partNumber,
		String reason) implements Audited.KeptAfterRollback {

	@Override
	public AuditAction action() {
		return AuditAction.SIGNATURE_REFUSED;
	}

	@Override
	public AuditSubject subjectType() {
		return AuditSubject.TASK;
	}

	@Override
	public String subjectId() {
		return taskId;
	}

	@Override
	public String actor() {
		return username;
	}

	@Override
	public Map<String, Object> details() {
		return Map.of("partNumber", partNumber, "reason", reason, "rule", "four-eyes");
	}

}
