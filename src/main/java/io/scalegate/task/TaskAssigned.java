package io.scalegate.task;

import io.scalegate.base.AuditAction;
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
	public AuditAction action() {
		return switch (change) {
			case CLAIMED -> AuditAction.TASK_CLAIMED;
			case RELEASED -> AuditAction.TASK_RELEASED;
			case HANDED_OVER -> AuditAction.TASK_HANDED_OVER;
		};
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
		return by;
	}

	@Override
	public Map<String, Object> details() {
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
