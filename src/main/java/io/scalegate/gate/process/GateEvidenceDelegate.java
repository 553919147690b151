package io.scalegate.gate.process;

import static io.scalegate.gate.ProductLifecycle.*;

import io.scalegate.evidence.EvidenceService;
import io.scalegate.evidence.GateEvidence;
import io.scalegate.gate.Deliverables;
import io.scalegate.gate.DeliverablesStatus;
import io.scalegate.gate.GateInputs;
import io.scalegate.gate.ReadinessCheck;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Computes the gate inputs from the product's recorded evidence and sets them as process
 * variables of the contract's names. Inputs that were already set when the readiness
 * check first ran (a process started by another system with its own figures) are kept as
 * they were given. The deliverables the gate review's checklist requires and the product
 * lacks are the input {@code missingDeliverables}. The verdict on these inputs is kept on
 * the product for the products list.
 */
@Component("computeGateEvidence")
class GateEvidenceDelegate implements JavaDelegate {

	private final EvidenceService evidence;

	private final DecisionService decisions;

	private final ReadinessCheck readiness;

	private final Deliverables deliverables;

	GateEvidenceDelegate(EvidenceService evidence, DecisionService decisions, ReadinessCheck readiness,
			Deliverables deliverables) {
		this.deliverables = deliverables;
		this.evidence = evidence;
		this.decisions = decisions;
		this.readiness = readiness;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Set<String> given = externallyGiven(execution);
		GateEvidence gate = evidence.gateEvidence(execution.getProcessBusinessKey());
		// evaluated through the process engine, so the summary is in the decision history
		String feedback = decisions.evaluateDecisionByKey(CUSTOMER_FEEDBACK_SUMMARY)
			.variables(ReadinessCheck.feedbackCounts(gate.feedback()))
			.evaluate()
			.getSingleEntry();
		Map<String, Object> computed = ReadinessCheck.evidenceInputs(gate, feedback);
		computed.keySet().removeAll(given);
		// the gate review's deliverables checklist against the documents on file, always
		// ScaleGate's own (never given by a starting system)
		DeliverablesStatus checklist = deliverables.recorded(execution.getProcessBusinessKey(), GATE_REVIEW);
		computed.put(MISSING_DELIVERABLES.name(), checklist.missingDeliverables());
		computed.put(REQUIRED_DELIVERABLES.name(), String.join(",", checklist.required()));
		execution.setVariables(computed);
		readiness.record(execution.getProcessBusinessKey(), new GateInputs(execution.getVariables()));
	}

	/**
	 * Names of the computed inputs that were present before the first readiness check;
	 * remembered.
	 */
	private static Set<String> externallyGiven(DelegateExecution execution) {
		String remembered = EXTERNAL_GATE_INPUTS.from(execution);
		if (remembered == null) {
			remembered = COMPUTED_GATE_INPUTS.stream()
				.map(variable -> variable.name())
				.filter(execution::hasVariable)
				.collect(Collectors.joining(","));
			EXTERNAL_GATE_INPUTS.set(execution, remembered);
		}
		return remembered.isEmpty() ? Set.of() : Set.of(remembered.split(","));
	}

}
