package io.scalegate.gate.process;

import static io.scalegate.gate.ProductLifecycle.MESSAGE_NEW_EVIDENCE;

import io.scalegate.document.DocumentAttached;
import io.scalegate.evidence.EvidenceChanged;
import io.scalegate.evidence.EvidenceRecorded;
import io.scalegate.gate.ReadinessCheck;
import io.scalegate.security.ScaleGateStep;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * New evidence on a product (a document too): a lifecycle on Hold receives the "new
 * evidence" message and runs the readiness check again; the product's readiness verdict
 * is brought up to date. Runs in the recording transaction, so evidence and its
 * consequences are kept together or not at all.
 */
@Component
class NewEvidenceListener {

	private final RuntimeService runtime;

	private final ReadinessCheck readiness;

	NewEvidenceListener(RuntimeService runtime, ReadinessCheck readiness) {
		this.runtime = runtime;
		this.readiness = readiness;
	}

	@EventListener
	void on(EvidenceRecorded recorded) {
		newEvidence(recorded.partNumber());
	}

	@EventListener
	void on(EvidenceChanged changed) {
		newEvidence(changed.partNumber());
	}

	/** A document filed may be the deliverable a gate on Hold waited for. */
	@EventListener
	void on(DocumentAttached attached) {
		newEvidence(attached.document().partNumber());
	}

	private void newEvidence(String partNumber) {
		ScaleGateStep.run(() -> runtime.createMessageCorrelation(MESSAGE_NEW_EVIDENCE)
			.processInstanceBusinessKey(partNumber)
			.correlateAllWithResult());
		readiness.refresh(partNumber);
	}

}
