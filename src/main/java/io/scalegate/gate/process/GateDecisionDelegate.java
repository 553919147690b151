package io.scalegate.gate.process;

import static io.scalegate.gate.ProductLifecycle.GATE_CONDITIONS;
import static io.scalegate.gate.ProductLifecycle.GATE_DECISION;
import static io.scalegate.gate.ProductLifecycle.GATE_OVERRIDDEN;
import static io.scalegate.gate.ProductLifecycle.GATE_RECOMMENDATION;
import static io.scalegate.gate.ProductLifecycle.OVERRIDE_REASON;

import io.scalegate.base.ActingUser;
import io.scalegate.base.InvalidInput;
import io.scalegate.condition.GateConditions;
import io.scalegate.condition.NewCondition;
import io.scalegate.gate.GateDecided;
import io.scalegate.gate.GateDecision;
import io.scalegate.gate.RecommendationOverridden;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Checks the gatekeeper's decision in the transaction that completes the review: a
 * decision other than the recommendation needs a written reason, a Go with conditions at
 * least one well-formed condition (and no other decision any), or the completion is
 * refused and nothing is kept.
 */
@Component("recordGateDecision")
class GateDecisionDelegate implements JavaDelegate {

	private final ApplicationEventPublisher events;

	private final ActingUser actingUser;

	private final GateConditions conditions;

	GateDecisionDelegate(ApplicationEventPublisher events, ActingUser actingUser, GateConditions conditions) {
		this.events = events;
		this.actingUser = actingUser;
		this.conditions = conditions;
	}

	@Override
	public void execute(DelegateExecution execution) {
		GateDecision decision = decision(GATE_DECISION.from(execution));
		String recommendation = GATE_RECOMMENDATION.from(execution);
		boolean overridden = !decision.accepts(recommendation);
		String reason = OVERRIDE_REASON.from(execution);
		decision.missingReason(recommendation, reason).ifPresent(missing -> {
			throw new InvalidInput(OVERRIDE_REASON.name(), missing);
		});
		if (decision.carriesConditions() && !offers(execution, decision)) {
			throw new InvalidInput(GATE_DECISION.name(), "this product's lifecycle runs on a version without "
					+ decision.name() + "; migrate it to the current version, or decide otherwise");
		}
		List<NewCondition> written = conditions.checked(decision.carriesConditions(), decision.name(),
				execution.getVariable(GATE_CONDITIONS));
		if (execution.hasVariable(GATE_CONDITIONS)) {
			// kept as plain lists, maps and texts, whatever type the caller sent: the
			// engine reads it back (and checks its type) whenever it loads the variables
			execution.setVariable(GATE_CONDITIONS, GateConditions.asVariable(written));
		}
		GATE_OVERRIDDEN.set(execution, overridden);
		String decidedBy = actingUser.current();
		Map<String, Object> rulesVersion = ModelVersions.of(execution);
		events.publishEvent(
				new GateDecided(execution.getProcessBusinessKey(), execution.getProcessInstanceId(), decision.name(),
						recommendation, overridden, overridden ? reason.strip() : null, decidedBy, rulesVersion));
		if (overridden) {
			events.publishEvent(
					new RecommendationOverridden(execution.getProcessBusinessKey(), execution.getProcessInstanceId(),
							decision.name(), recommendation, reason.strip(), decidedBy, rulesVersion));
		}
	}

	/**
	 * Whether the running lifecycle version has a path for {@code decision} (a version
	 * from before Go with conditions has none).
	 */
	private static boolean offers(DelegateExecution execution, GateDecision decision) {
		return execution.getBpmnModelInstance()
			.getModelElementsByType(SequenceFlow.class)
			.stream()
			.anyMatch(flow -> flow.getConditionExpression() != null
					&& flow.getConditionExpression().getTextContent().contains("'" + decision.name() + "'"));
	}

	private static GateDecision decision(String value) {
		return GateDecision.named(value)
			.orElseThrow(() -> new InvalidInput(GATE_DECISION.name(),
					"choose one of " + Arrays.toString(GateDecision.values()) + ", not " + value));
	}

}
