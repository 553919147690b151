package io.scalegate.model.change;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A process owner's change to one model file (BPMN, DMN or form): a draft, then
 * submitted, then deployed once a second process owner signs it, or rejected.
 * {@code baseDeploymentId} is the deployment its content was opened from (null for a new
 * file). {@code version} is checked and bumped by every write (optimistic locking): a
 * write made from a stale copy fails instead of undoing another.
 */
@Table("model_change")
public record ModelChange(@Id Long id, String resourceName, String kind, String content, String baseDeploymentId,
		Status status, String author, Instant createdAt, Instant updatedAt, String summary, String approver,
		String approverName, String approvalMeaning, Instant approvedAt, String contentSha256, String deploymentId,
		String rejectionReason, @Version Long version) {

	public enum Status {

		DRAFT, SUBMITTED, DEPLOYED, REJECTED

	}

	/** The file name without its folder, as Camunda Modeler would save it. */
	public String fileName() {
		return resourceName.substring(resourceName.lastIndexOf('/') + 1);
	}

	ModelChange edited(String newContent, Instant at) {
		return new ModelChange(id, resourceName, kind, newContent, baseDeploymentId, Status.DRAFT, author, createdAt,
				at, null, null, null, null, null, null, null, null, version);
	}

	ModelChange submitted(String newSummary, Instant at) {
		return new ModelChange(id, resourceName, kind, content, baseDeploymentId, Status.SUBMITTED, author, createdAt,
				at, newSummary, null, null, null, null, null, null, null, version);
	}

	ModelChange deployed(String by, String byName, String meaning, String sha256, String deployment, Instant at) {
		return new ModelChange(id, resourceName, kind, content, baseDeploymentId, Status.DEPLOYED, author, createdAt,
				at, summary, by, byName, meaning, at, sha256, deployment, null, version);
	}

	ModelChange rejected(String by, String reason, Instant at) {
		return new ModelChange(id, resourceName, kind, content, baseDeploymentId, Status.REJECTED, author, createdAt,
				at, summary, by, null, null, null, null, null, reason, version);
	}

}
