package io.scalegate.gate;

import java.util.List;

/**
 * The lifecycle process {@code productLifecycle} (bpmn/product-lifecycle.bpmn) and its
 * decisions (bpmn/mass-production-gate.dmn, bpmn/customer-feedback.dmn): keys, task ids,
 * message names and typed variables, exactly as the models and the public decision
 * contract spell them.
 */
public final class ProductLifecycle {

	public static final String PROCESS_KEY = "productLifecycle";

	public static final String MESSAGE_NEW_EVIDENCE = "newEvidence";

	// user tasks (contract ids)
	public static final String PROTOTYPE_REVIEW = "prototypeReview";

	public static final String DESIGN_FREEZE_SIGN_OFF = "designFreezeSignOff";

	public static final String INSPECTION_STANDARD_APPROVAL = "inspectionStandardApproval";

	public static final String SUPPLIER_QUALIFICATION = "supplierQualification";

	public static final String GATE_REVIEW = "gateReview";

	/**
	 * One task per condition of a Go with conditions, assigned to the condition's owner
	 * (docs/adr/0020-go-with-conditions.md).
	 */
	public static final String CLOSE_GATE_CONDITION = "closeGateCondition";

	public static final List<String> READINESS_TASKS = List.of(DESIGN_FREEZE_SIGN_OFF, INSPECTION_STANDARD_APPROVAL,
			SUPPLIER_QUALIFICATION);

	// other elements a caller waits at
	public static final String HOLD_GATEWAY = "gateway_holdUntil";

	// decisions (contract keys)
	public static final String MASS_PRODUCTION_GATE = "massProductionGate";

	public static final String GATE_REASONS = "gateReasons";

	public static final String DEMAND_STABILITY = "demandStability";

	public static final String TOOLING_ECONOMICS = "toolingEconomics";

	public static final String SUPPLIER_READINESS = "supplierReadiness";

	public static final String CUSTOMER_FEEDBACK_SUMMARY = "customerFeedbackSummary";

	/**
	 * The deliverables checklist (bpmn/gate-deliverables.dmn): the document kinds a gate
	 * requires, one row per kind (hit policy COLLECT).
	 */
	public static final String GATE_DELIVERABLES = "gateDeliverables";

	/** The input variable of {@link #GATE_DELIVERABLES}: the gate's user task key. */
	public static final String DELIVERABLES_GATE = "gate";

	/** The output of {@link #GATE_DELIVERABLES}: a document kind code. */
	public static final String DELIVERABLES_KIND = "documentKind";

	/** The gates that have a deliverables checklist: their user task keys. */
	public static final List<String> GATES = List.of(PROTOTYPE_REVIEW, GATE_REVIEW);

	/**
	 * The document kind codes a checklist may name: the document feature's
	 * {@code DocumentKind}s, in their order.
	 */
	public static final List<String> DOCUMENT_KINDS = java.util.Arrays
		.stream(io.scalegate.document.DocumentKind.values())
		.map(Enum::name)
		.toList();

	// the process's own variables
	public static final ProcessVariable<String> STAGE = string("stage");

	public static final ProcessVariable<String> TARGET_STAGE = string("targetStage");

	public static final ProcessVariable<String> OVERDUE_TASK_KEY = string("overdueTaskKey");

	public static final ProcessVariable<String> PROTOTYPE_DECISION = string("prototypeDecision");

	public static final ProcessVariable<String> GATE_RECOMMENDATION = string("gateRecommendation");

	public static final ProcessVariable<String> GATE_DECISION = string("gateDecision");

	public static final ProcessVariable<String> OVERRIDE_REASON = string("overrideReason");

	public static final ProcessVariable<Boolean> GATE_OVERRIDDEN = bool("gateOverridden");

	/**
	 * The conditions the gatekeeper writes with a Go with conditions: a list of maps with
	 * {@link #CONDITION_TEXT_FIELD}, {@link #CONDITION_OWNER_FIELD} and
	 * {@link #CONDITION_DUE_FIELD}.
	 */
	public static final String GATE_CONDITIONS = "gateConditions";

	public static final String CONDITION_TEXT_FIELD = "conditionText";

	public static final String CONDITION_OWNER_FIELD = "conditionOwner";

	public static final String CONDITION_DUE_FIELD = "conditionDue";

	/**
	 * The ids of the conditions raised (a list of text ids), the collection of the
	 * condition tasks.
	 */
	public static final String GATE_CONDITION_IDS = "gateConditionIds";

	/** The condition of one condition task (its multi-instance element variable). */
	public static final ProcessVariable<String> GATE_CONDITION_ID = string("gateConditionId");

	/** The condition's owner, local to its task: the task's assignee. */
	public static final ProcessVariable<String> CONDITION_OWNER = string(CONDITION_OWNER_FIELD);

	/** The condition's text, local to its task: what the form shows. */
	public static final ProcessVariable<String> CONDITION_TEXT = string(CONDITION_TEXT_FIELD);

	/**
	 * When the condition is overdue, local to its task (a date): the task's due date and
	 * its timer.
	 */
	public static final ProcessVariable<java.util.Date> CONDITION_DUE = new ProcessVariable<>(CONDITION_DUE_FIELD,
			java.util.Date.class);

	/** What the owner writes when closing a condition. */
	public static final ProcessVariable<String> CLOSING_NOTE = string("closingNote");

	public static final ProcessVariable<String> EXTERNAL_GATE_INPUTS = string("externalGateInputs");

	/**
	 * The document kinds the gate review's deliverables checklist required when the gate
	 * inputs were last computed, their codes joined by commas (the gate record states
	 * them beside the missing ones).
	 */
	public static final ProcessVariable<String> REQUIRED_DELIVERABLES = string("requiredDeliverables");

	// gate inputs: the people's verdicts from the readiness tasks
	public static final ProcessVariable<Boolean> DESIGN_FROZEN = bool("designFrozen");

	public static final ProcessVariable<Boolean> INSPECTION_STANDARD_APPROVED = bool("inspectionStandardApproved");

	public static final ProcessVariable<Boolean> MATERIAL_CONFIRMED = bool("materialConfirmed");

	public static final ProcessVariable<Boolean> SURFACE_FINISH_CONFIRMED = bool("surfaceFinishConfirmed");

	public static final ProcessVariable<Boolean> SUPPLIER_APPROVED = bool("supplierApproved");

	// gate inputs ScaleGate computes from recorded evidence
	public static final ProcessVariable<Integer> DEMAND_MONTHS = integer("demandMonths");

	public static final ProcessVariable<Double> DEMAND_CV = decimal("demandCv");

	public static final ProcessVariable<Double> TOOLING_INVESTMENT = decimal("toolingInvestment");

	public static final ProcessVariable<Double> SMALL_BATCH_UNIT_COST = decimal("smallBatchUnitCost");

	public static final ProcessVariable<Double> MASS_UNIT_COST = decimal("massUnitCost");

	public static final ProcessVariable<Integer> FORECAST_ANNUAL_VOLUME = integer("forecastAnnualVolume");

	public static final ProcessVariable<Integer> SUPPLIER_BATCHES_DELIVERED = integer("supplierBatchesDelivered");

	public static final ProcessVariable<Double> SUPPLIER_ON_TIME_RATE = decimal("supplierOnTimeRate");

	public static final ProcessVariable<Double> SUPPLIER_FIRST_PASS_YIELD = decimal("supplierFirstPassYield");

	public static final ProcessVariable<Double> PROCESS_CPK = decimal("processCpk");

	public static final ProcessVariable<Integer> DESIGN_CHANGES_LAST_90_DAYS = integer("designChangesLast90Days");

	public static final ProcessVariable<String> CUSTOMER_FEEDBACK = string("customerFeedback");

	public static final ProcessVariable<Boolean> UNIT_COST_REDUCTION_PRIORITY = bool("unitCostReductionPriority");

	public static final ProcessVariable<Boolean> NEEDS_SUPPLY_COORDINATION = bool("needsSupplyCoordination");

	/**
	 * Gate input from the deliverables checklist: the document kinds the gate review
	 * requires that are not on file, as their codes joined by commas ("" when every one
	 * is on file); null when the checklist was not checked (inputs made by hand, inputs
	 * stored before the checklist existed), which the gate decisions read as before.
	 */
	public static final ProcessVariable<String> MISSING_DELIVERABLES = string("missingDeliverables");

	/**
	 * The gate inputs computed from evidence; a process started with one of them set
	 * keeps it as given.
	 */
	public static final List<ProcessVariable<?>> COMPUTED_GATE_INPUTS = List.of(DEMAND_MONTHS, DEMAND_CV,
			TOOLING_INVESTMENT, SMALL_BATCH_UNIT_COST, MASS_UNIT_COST, FORECAST_ANNUAL_VOLUME,
			SUPPLIER_BATCHES_DELIVERED, SUPPLIER_ON_TIME_RATE, SUPPLIER_FIRST_PASS_YIELD, PROCESS_CPK,
			DESIGN_CHANGES_LAST_90_DAYS, CUSTOMER_FEEDBACK, UNIT_COST_REDUCTION_PRIORITY, NEEDS_SUPPLY_COORDINATION);

	/** The readiness verdicts people give in the readiness tasks. */
	public static final List<ProcessVariable<?>> VERDICTS = List.of(DESIGN_FROZEN, INSPECTION_STANDARD_APPROVED,
			MATERIAL_CONFIRMED, SURFACE_FINISH_CONFIRMED, SUPPLIER_APPROVED);

	/**
	 * Every input of the gate DRD (massProductionGate and gateReasons), in contract
	 * order.
	 */
	public static final List<ProcessVariable<?>> GATE_INPUTS = List.of(DEMAND_MONTHS, DEMAND_CV, TOOLING_INVESTMENT,
			SMALL_BATCH_UNIT_COST, MASS_UNIT_COST, FORECAST_ANNUAL_VOLUME, SUPPLIER_BATCHES_DELIVERED,
			SUPPLIER_ON_TIME_RATE, SUPPLIER_FIRST_PASS_YIELD, PROCESS_CPK, DESIGN_FROZEN, INSPECTION_STANDARD_APPROVED,
			MATERIAL_CONFIRMED, SURFACE_FINISH_CONFIRMED, SUPPLIER_APPROVED, UNIT_COST_REDUCTION_PRIORITY,
			NEEDS_SUPPLY_COORDINATION, DESIGN_CHANGES_LAST_90_DAYS, CUSTOMER_FEEDBACK, MISSING_DELIVERABLES);

	/**
	 * The values of the gate input customerFeedback (the customerFeedbackSummary
	 * decision's output).
	 */
	public static final List<String> CUSTOMER_FEEDBACK_VALUES = List.of("POSITIVE", "MIXED", "NEGATIVE", "NONE");

	/**
	 * The definitions id of bpmn/mass-production-gate.dmn (the key of its decision
	 * requirements graph).
	 */
	public static final String GATE_DRD_KEY = "Definitions_massProductionGate";

	/** The definitions id of bpmn/gate-deliverables.dmn. */
	public static final String DELIVERABLES_DRD_KEY = "Definitions_gateDeliverables";

	private ProductLifecycle() {
	}

	private static ProcessVariable<String> string(String name) {
		return new ProcessVariable<>(name, String.class);
	}

	private static ProcessVariable<Boolean> bool(String name) {
		return new ProcessVariable<>(name, Boolean.class);
	}

	private static ProcessVariable<Integer> integer(String name) {
		return new ProcessVariable<>(name, Integer.class);
	}

	private static ProcessVariable<Double> decimal(String name) {
		return new ProcessVariable<>(name, Double.class);
	}

}
