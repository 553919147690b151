package io.scalegate.gate.process;

import static io.scalegate.gate.ProductLifecycle.*;

import io.scalegate.base.ActingUser;
import io.scalegate.gate.GateEvaluated;
import io.scalegate.gate.GateInputs;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * At the end of the gate evaluation (after {@code gateReasons}): publishes what was
 * evaluated and the verdict, as the system's on behalf of whoever is acting (the signer
 * whose completion reached the gate).
 */
@Component("gateEvaluated")
class GateEvaluatedListener implements ExecutionListener {

	private final ApplicationEventPublisher events;

	private final ActingUser acting;

	GateEvaluatedListener(ApplicationEventPublisher events, ActingUser acting) {
		this.events = events;
		this.acting = acting;
	}

	@Override
	public void notify(DelegateExecution execution) {
		List<String> reasons = execution.getVariable(GATE_REASONS) instanceof Collection<?> unmet
				? unmet.stream().map(String::valueOf).toList() : List.of();
		Map<String, Object> inputs = new LinkedHashMap<>(new GateInputs(execution.getVariables()).values());
		events.publishEvent(new GateEvaluated(execution.getProcessBusinessKey(), execution.getProcessInstanceId(),
				GATE_RECOMMENDATION.from(execution), reasons, inputs, ModelVersions.of(execution), acting.current()));
	}

}
