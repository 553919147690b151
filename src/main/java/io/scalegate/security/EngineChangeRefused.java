package io.scalegate.security;

import io.scalegate.base.AuditAction;
import io.scalegate.base.AuditNote;
import io.scalegate.base.AuditSubject;
import io.scalegate.base.Audited;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The engine refused a change to a running lifecycle from outside ScaleGate's steps (a
 * completion without a signature, a variable write, a modification, a cancellation…). The
 * trail keeps it after the refused command's rollback, about the task or product it
 * named.
 *
 * @param command the engine command refused, e.g. {@code SetExecutionVariables}
 * @param request the HTTP request that asked, or null for Java code
 */
record EngineChangeRefused(boolean completion, String command, String taskId, String partNumber, String actor,
		String request, List<String> ids, List<String> variables, String reason) implements Audited.KeptAfterRollback {

	@Override
	public AuditNote audit() {
		AuditAction action = completion ? AuditAction.COMPLETION_REFUSED : AuditAction.CHANGE_REFUSED;
		if (taskId != null) {
			return new AuditNote(action, AuditSubject.TASK, taskId, actor, details());
		}
		if (partNumber != null) {
			return new AuditNote(action, AuditSubject.PRODUCT, partNumber, actor, details());
		}
		return new AuditNote(action, AuditSubject.SYSTEM, command, actor, details());
	}

	private Map<String, Object> details() {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("command", command);
		if (partNumber != null) {
			details.put("partNumber", partNumber);
		}
		if (request != null) {
			details.put("request", request);
		}
		if (!ids.isEmpty()) {
			details.put("ids", ids);
		}
		if (!variables.isEmpty()) {
			details.put("variables", variables);
		}
		details.put("reason", reason);
		return details;
	}

}
