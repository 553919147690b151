package io.scalegate.task;

import io.scalegate.base.AuditAction;
import io.scalegate.base.AuditNote;
import io.scalegate.base.AuditSubject;
import io.scalegate.base.Audited;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A task was claimed, given back or handed over: by whom, from whom, to whom (null:
 * nobody).
 */
record TaskAssigned(String taskId, String taskName, String partNumber, Change change, String from, String to,
		String by) implements Audited {

	@Override
	public AuditNote audit() {
		return new AuditNote(action(), AuditSubject.TASK, taskId, by, details());
	}

	private AuditAction action() {
		return switch (change) {
			case CLAIMED -> AuditAction.TASK_CLAIMED;
			case RELEASED -> AuditAction.TASK_RELEASED;
			case HANDED_OVER -> AuditAction.TASK_HANDED_OVER;
		};
	}

	private Map<String, Object> details() {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("task", taskName);
		details.put("partNumber", partNumber);
		details.put("from", from);
		details.put("to", to);
		return details;
	}

	enum Change {

		CLAIMED, RELEASED, HANDED_OVER

	}

}
