package io.scalegate.gate;

/**
 * The unmet conditions the {@code gateReasons} decision names, in words a person reads.
 */
public enum GateReason {

	DESIGN_NOT_FROZEN("The design is not frozen, or it still changed more than once in the last 90 days."),
	DEMAND_NOT_STABLE("Demand is not stable (moderate, volatile, or too short a history)."),
	FEEDBACK_NOT_POSITIVE("Customer feedback is mixed or missing."),
	FEEDBACK_NEGATIVE("Customer feedback is negative: the product does not perform in real use."),
	INSPECTION_NOT_APPROVED("The inspection standard is not approved."),
	MATERIAL_NOT_CONFIRMED("The material is not confirmed."),
	FINISH_NOT_CONFIRMED("The surface finish is not confirmed."),
	SUPPLIER_NOT_QUALIFIED("The supplier's small-batch record does not qualify it."),
	SUPPLIER_NOT_APPROVED("Supplier quality has not approved the supplier."),
	TOOLING_NOT_JUSTIFIED("Dedicated tooling does not pay for itself soon enough."),
	COST_REDUCTION_NOT_PRIORITY("Unit-cost reduction is not yet the priority."),
	NEEDS_SUPPLY_COORDINATION("Scaling needs broader supply coordination."),
	MISSING_DELIVERABLES("A document the gate's deliverables checklist requires is not on file.");

	private final String explanation;

	GateReason(String explanation) {
		this.explanation = explanation;
	}

	public String explanation() {
		return explanation;
	}

}
