package io.scalegate.model;

import static io.scalegate.gate.ProductLifecycle.*;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The public contract of DESIGN.md that a changed model must keep: the gate decisions
 * with their input variables and types and their output names and values, the lifecycle's
 * contract tasks with their candidate groups, the form keys the process reads, and the
 * step beans BPMN may call.
 */
final class ModelContract {

	/** Decision key → input variable → typeRef. */
	static final Map<String, Map<String, String>> INPUTS = Map.of(DEMAND_STABILITY,
			ordered("demandMonths", "integer", "demandCv", "double"), TOOLING_ECONOMICS,
			ordered("toolingInvestment", "double", "smallBatchUnitCost", "double", "massUnitCost", "double",
					"forecastAnnualVolume", "integer"),
			SUPPLIER_READINESS, ordered("supplierBatchesDelivered", "integer", "supplierOnTimeRate", "double",
					"supplierFirstPassYield", "double", "processCpk", "double"),
			MASS_PRODUCTION_GATE, gateInputs(), GATE_REASONS, gateInputs());

	/** Decision key → output name → allowed values. */
	static final Map<String, Map<String, Set<String>>> OUTPUTS = Map.of(DEMAND_STABILITY,
			Map.of("demandStability", Set.of("STABLE", "MODERATE", "VOLATILE", "INSUFFICIENT_DATA")), TOOLING_ECONOMICS,
			Map.of("toolingEconomics", Set.of("JUSTIFIED", "MARGINAL", "NOT_JUSTIFIED")), SUPPLIER_READINESS,
			Map.of("supplierReadiness", Set.of("QUALIFIED", "CONDITIONAL", "NOT_QUALIFIED")), MASS_PRODUCTION_GATE,
			Map.of("gateRecommendation",
					Set.of("GO_MASS_PRODUCTION", "STAY_SMALL_BATCH", "RECYCLE_TO_PROTOTYPE",
							"ONE_STOP_SCALE_PLANNING")),
			GATE_REASONS,
			Map.of("reason",
					Set.of("DESIGN_NOT_FROZEN", "DEMAND_NOT_STABLE", "FEEDBACK_NOT_POSITIVE", "FEEDBACK_NEGATIVE",
							"INSPECTION_NOT_APPROVED", "MATERIAL_NOT_CONFIRMED", "FINISH_NOT_CONFIRMED",
							"SUPPLIER_NOT_QUALIFIED", "SUPPLIER_NOT_APPROVED", "TOOLING_NOT_JUSTIFIED",
							"COST_REDUCTION_NOT_PRIORITY", "NEEDS_SUPPLY_COORDINATION")));

	/** The lifecycle's contract user tasks and their candidate groups. */
	static final Map<String, String> TASK_GROUPS = Map.of(PROTOTYPE_REVIEW, "ENGINEER", DESIGN_FREEZE_SIGN_OFF,
			"ENGINEER", INSPECTION_STANDARD_APPROVAL, "QUALITY", SUPPLIER_QUALIFICATION, "SUPPLIER_QUALITY",
			GATE_REVIEW, "GATEKEEPER");

	/** The variables the process reads from each task's form. */
	static final Map<String, List<String>> FORM_KEYS = Map.of(PROTOTYPE_REVIEW, List.of(PROTOTYPE_DECISION.name()),
			DESIGN_FREEZE_SIGN_OFF, List.of(DESIGN_FROZEN.name()), INSPECTION_STANDARD_APPROVAL,
			List.of(INSPECTION_STANDARD_APPROVED.name(), MATERIAL_CONFIRMED.name(), SURFACE_FINISH_CONFIRMED.name()),
			SUPPLIER_QUALIFICATION, List.of(SUPPLIER_APPROVED.name()), GATE_REVIEW,
			List.of(GATE_DECISION.name(), OVERRIDE_REASON.name()));

	/**
	 * The Spring beans a BPMN may name in a delegate expression: ScaleGate's own steps.
	 */
	static final Set<String> STEP_BEANS = Set.of("changeStage", "computeGateEvidence", "recordGateDecision",
			"escalateOverdueTask", "gateEvaluated");

	private ModelContract() {
	}

	private static Map<String, String> gateInputs() {
		return ordered("designFrozen", "boolean", "inspectionStandardApproved", "boolean", "materialConfirmed",
				"boolean", "surfaceFinishConfirmed", "boolean", "supplierApproved", "boolean",
				"unitCostReductionPriority", "boolean", "needsSupplyCoordination", "boolean", "designChangesLast90Days",
				"integer", "customerFeedback", "string");
	}

	private static Map<String, String> ordered(String... pairs) {
		Map<String, String> map = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			map.put(pairs[i], pairs[i + 1]);
		}
		return map;
	}

}
