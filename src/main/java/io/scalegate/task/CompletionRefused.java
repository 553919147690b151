package io.scalegate.task;

import io.scalegate.base.AuditAction;
import io.scalegate.base.AuditNote;
import io.scalegate.base.AuditSubject;
import io.scalegate.base.Audited;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The engine refused to complete a lifecycle task that carried no ScaleGate signature
 * from the same transaction. Published in the refused (rolled-back) transaction; the
 * trail records it after the rollback.
 */
record CompletionRefused(String taskId, String taskKey, String taskName, String partNumber, String actor,
		String reason) implements Audited.KeptAfterRollback {

	@Override
	public AuditNote audit() {
		Map<String, Object> details = new LinkedHashMap<>();
		if (partNumber != null) {
			details.put("partNumber", partNumber);
		}
		details.put("task", taskName == null ? taskKey : taskName);
		details.put("taskKey", taskKey);
		details.put("reason", reason);
		details.put("rule", "signature");
		return new AuditNote(AuditAction.COMPLETION_REFUSED, AuditSubject.TASK, taskId, actor, details);
	}

}
