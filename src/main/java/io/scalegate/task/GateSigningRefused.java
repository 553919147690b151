package io.scalegate.task;

import io.scalegate.base.AuditAction;
import io.scalegate.base.AuditNote;
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
	public AuditNote audit() {
		return new AuditNote(AuditAction.SIGNATURE_REFUSED, AuditSubject.TASK, taskId, username,
				Map.of("partNumber", partNumber, "reason", reason, "rule", "four-eyes"));
	}

}
