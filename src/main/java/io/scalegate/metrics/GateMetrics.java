package io.scalegate.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.scalegate.gate.GateDecided;
import io.scalegate.gate.GateDecision;
import io.scalegate.gate.GateEvaluated;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Counts gate evaluations by the verdict of the gate DRD
 * ({@code scalegate_gate_evaluations_total{recommendation}}) and gatekeepers' decisions
 * ({@code scalegate_gate_decisions_total{decision,overridden}}), from the events the
 * audit trail records, once their transaction has committed: a rolled back evaluation (a
 * signature refused after it, a retried job) is not counted. The decisions start at 0 so
 * that a rate exists before the first one.
 */
@Component
class GateMetrics {

	private final MeterRegistry registry;

	GateMetrics(MeterRegistry registry) {
		this.registry = registry;
		for (GateDecision decision : GateDecision.values()) {
			decisions(decision.name(), false);
		}
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(GateEvaluated evaluated) {
		Counter.builder("scalegate.gate.evaluations")
			.description("Gate DRD evaluations by their recommendation (verdict)")
			.tag("recommendation", String.valueOf(evaluated.recommendation()))
			.register(registry)
			.increment();
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(GateDecided decided) {
		decisions(decided.decision(), decided.overridden()).increment();
	}

	private Counter decisions(String decision, boolean overridden) {
		return Counter.builder("scalegate.gate.decisions")
			.description("Gatekeepers' decisions, and whether they differ from the recommendation")
			.tag("decision", decision)
			.tag("overridden", String.valueOf(overridden))
			.register(registry);
	}

}
