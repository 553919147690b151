package io.scalegate.gate.process;

import static io.scalegate.gate.ProductLifecycle.*;

import io.scalegate.evidence.EvidenceService;
import io.scalegate.evidence.FeedbackCounts;
import io.scalegate.evidence.GateEvidence;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Computes the gate inputs from the product's recorded evidence and sets them as process variables of
 * the contract's names. Inputs that were already set when the readiness check first ran (a process
 * started by another system with its own figures) are kept as they were given.
 */
@Component("computeGateEvidence")
class GateEvidenceDelegate implements JavaDelegate {

	private final EvidenceService evidence;

	private final DecisionService decisions;

	GateEvidenceDelegate(EvidenceService evidence, DecisionService decisions) {
		this.evidence = evidence;
		this.decisions = decisions;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Set<String> given = externallyGiven(execution);
		GateEvidence gate = evidence.gateEvidence(execution.getProcessBusinessKey());
		Map<String, Object> computed = new HashMap<>();
		computed.put(DEMAND_MONTHS.name(), gate.demandMonths());
		computed.put(DEMAND_CV.name(), gate.demandCv());
		computed.put(TOOLING_INVESTMENT.name(), gate.toolingInvestment());
		computed.put(SMALL_BATCH_UNIT_COST.name(), gate.smallBatchUnitCost());
		computed.put(MASS_UNIT_COST.name(), gate.massUnitCost());
		computed.put(FORECAST_ANNUAL_VOLUME.name(), gate.forecastAnnualVolume());
		computed.put(SUPPLIER_BATCHES_DELIVERED.name(), gate.supplierBatchesDelivered());
		computed.put(SUPPLIER_ON_TIME_RATE.name(), gate.supplierOnTimeRate());
		computed.put(SUPPLIER_FIRST_PASS_YIELD.name(), gate.supplierFirstPassYield());
		computed.put(PROCESS_CPK.name(), gate.processCpk());
		computed.put(DESIGN_CHANGES_LAST_90_DAYS.name(), gate.designChangesLast90Days());
		computed.put(CUSTOMER_FEEDBACK.name(), feedbackSummary(gate.feedback()));
		computed.put(UNIT_COST_REDUCTION_PRIORITY.name(), gate.unitCostReductionPriority());
		computed.put(NEEDS_SUPPLY_COORDINATION.name(), gate.needsSupplyCoordination());
		computed.keySet().removeAll(given);
		execution.setVariables(computed);
	}

	private String feedbackSummary(FeedbackCounts counts) {
		return decisions.evaluateDecisionByKey(CUSTOMER_FEEDBACK_SUMMARY)
			.variables(Map.of("positiveFeedback", counts.positive(), "mixedFeedback", counts.mixed(),
					"negativeFeedback", counts.negative()))
			.evaluate()
			.getSingleEntry();
	}

	/** Names of the computed inputs that were present before the first readiness check; remembered. */
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
