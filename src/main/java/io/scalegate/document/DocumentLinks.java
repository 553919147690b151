package io.scalegate.document;

import org.springframework.lang.Nullable;

/**
 * Where a document belongs besides its product: the task it was attached on, the evidence
 * record it documents, the gate it was prepared for. Each is optional.
 *
 * @param evidenceKind the code of an evidence kind (e.g. {@code SMALL_BATCH})
 */
public record DocumentLinks(@Nullable String taskId, @Nullable String taskKey, @Nullable String evidenceKind,
		@Nullable Long evidenceId, @Nullable String gate) {

	public static DocumentLinks none() {
		return new DocumentLinks(null, null, null, null, null);
	}

	public static DocumentLinks task(String taskId, String taskKey) {
		return new DocumentLinks(taskId, taskKey, null, null, null);
	}

	/** Refuses a link that cannot be one, naming its field. */
	void check() {
		io.scalegate.base.Checks checks = new io.scalegate.base.Checks();
		if (taskId != null) {
			checks.text("taskId", taskId, 64);
		}
		if (taskKey != null) {
			checks.text("taskKey", taskKey, 255);
		}
		if (evidenceKind != null && !evidenceKind.matches("[A-Z][A-Z_]{0,39}")) {
			checks.fail("evidenceKind", "must be an evidence kind's code, e.g. SMALL_BATCH");
		}
		if (evidenceId != null && evidenceId < 1) {
			checks.fail("evidenceId", "must be positive");
		}
		if (evidenceId != null && evidenceKind == null) {
			checks.fail("evidenceKind", "is required with evidenceId");
		}
		if (gate != null) {
			checks.text("gate", gate, 64);
		}
		checks.throwIfAny();
	}

	public DocumentLinks withEvidence(String kind, Long id) {
		return new DocumentLinks(taskId, taskKey, kind, id, gate);
	}

	public DocumentLinks withGate(String gateKey) {
		return new DocumentLinks(taskId, taskKey, evidenceKind, evidenceId, gateKey);
	}

}
