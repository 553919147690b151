package io.scalegate.model;

import io.scalegate.gate.ReadinessReevaluation;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * After a deployment with decisions has committed (the shipped models at start-up, an
 * approved change), the stored verdicts of older gate rules are judged again in the
 * background ({@link ReadinessReevaluation}); never on the deploying request's thread.
 */
@Component
class GateRulesDeployed {

	private final ReadinessReevaluation reevaluation;

	GateRulesDeployed(ReadinessReevaluation reevaluation) {
		this.reevaluation = reevaluation;
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void on(ModelsDeployed deployed) {
		if (deployed.resources().stream().anyMatch(name -> name.endsWith(".dmn"))) {
			reevaluation.start();
		}
	}

}
