package io.scalegate.gate;

import java.util.List;

/**
 * Models (BPMN, DMN, forms) were deployed to the engine: a new deployment with these
 * resources. For an approved change: its number, author, approver (who deployed it) and
 * the summary of what changed; for the shipped models these are null.
 */
public record ModelsDeployed(String deploymentId, String name, List<String> resources, String deployedBy, Long changeId,
		String author, String approver, String summary) {
}
