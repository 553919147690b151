package io.scalegate.model.change;

import io.scalegate.base.Sha256;
import java.util.UUID;

/**
 * Changes to the shipped models that alter no rule and no step: safe to deploy in a
 * shared test context.
 */
public final class HarmlessChanges {

	private HarmlessChanges() {
	}

	/** The gate DMN with a unique remark added to its annotation. */
	public static String reviewed(String dmn) {
		return dmn.replaceFirst("(<textAnnotation id=\"TextAnnotation_sources\">\\s*<text>)",
				"$1Reviewed by the process owners (" + UUID.randomUUID() + "). ");
	}

	/** The lifecycle BPMN with a unique line of documentation on the process. */
	public static String documented(String bpmn) {
		return bpmn.replaceFirst("(<bpmn:process [^>]*>)",
				"$1\n    <bpmn:documentation>Reviewed " + UUID.randomUUID() + "</bpmn:documentation>");
	}

	/**
	 * A new lifecycle version, changed harmlessly by owner and approved by owner2, as a
	 * process owner would.
	 */
	public static ModelChange deployNewLifecycleVersion(ModelChanges changes) {
		ModelChange change = changes.open(changes.latest().getId(), "bpmn/product-lifecycle.bpmn", "owner");
		changes.save(change.id(), documented(change.content()), "owner");
		ModelChange submitted = changes.submit(change.id(), "owner");
		return changes.approve(change.id(), Sha256.hex(submitted.content()), "owner2", "demo",
				"Approved for deployment");
	}

}
