package io.scalegate.model;

import io.scalegate.base.AuditAction;
import io.scalegate.base.AuditNote;
import io.scalegate.base.AuditSubject;
import io.scalegate.base.Audited;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Models (BPMN, DMN, forms) were deployed to the engine: a new deployment with these
 * resources. For an approved change: its number, author, approver (who deployed it), the
 * summary of what changed, the changed file with the SHA-256 of the content the approver
 * signed, and its impact on the running products' gate verdicts as the approver saw it;
 * for the shipped models these are null.
 */
record ModelsDeployed(String deploymentId, String name, List<String> resources, String deployedBy, Long changeId,
		String author, String approver, String summary, String changedResource, String contentSha256,
		String impact) implements Audited {

	@Override
	public AuditNote audit() {
		return new AuditNote(AuditAction.MODEL_DEPLOYED, AuditSubject.MODEL, deploymentId, deployedBy, details());
	}

	private Map<String, Object> details() {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("name", name);
		details.put("resources", resources);
		if (changeId != null) {
			details.put("changeId", changeId);
			details.put("author", author);
			details.put("approver", approver);
			details.put("summary", summary);
			details.put("changedResource", changedResource);
			details.put("contentSha256", contentSha256);
			details.put("impact", impact);
		}
		return details;
	}

}
