package io.scalegate.gate;

import java.util.List;

/**
 * The seed's eight conditions for leaving small batch, each with the gate reasons that
 * say it is unmet. "Needs broader supply coordination" is not among them: it routes a
 * ready product to one-stop scale planning rather than holding it back.
 */
public enum ReadinessSignal {

	DESIGN_FROZEN("Design frozen", GateReason.DESIGN_NOT_FROZEN),
	DEMAND_STABLE("Demand stable", GateReason.DEMAND_NOT_STABLE),
	FEEDBACK_POSITIVE("Customer feedback positive", GateReason.FEEDBACK_NOT_POSITIVE, GateReason.FEEDBACK_NEGATIVE),
	INSPECTION_CLEAR("Inspection standard clear", GateReason.INSPECTION_NOT_APPROVED),
	MATERIAL_AND_FINISH_CONFIRMED("Material and surface finish confirmed", GateReason.MATERIAL_NOT_CONFIRMED,
			GateReason.FINISH_NOT_CONFIRMED),
	SUPPLIER_REPEATABLE("Supplier proved repeatable small batches", GateReason.SUPPLIER_NOT_QUALIFIED,
			GateReason.SUPPLIER_NOT_APPROVED),
	COST_REDUCTION_PRIORITY("Unit-cost reduction is the priority", GateReason.COST_REDUCTION_NOT_PRIORITY),
	TOOLING_PAYS("Dedicated tooling pays for itself", GateReason.TOOLING_NOT_JUSTIFIED);

	private final String label;

	private final List<GateReason> unmetWhen;

	ReadinessSignal(String label, GateReason... unmetWhen) {
		this.label = label;
		this.unmetWhen = List.of(unmetWhen);
	}

	public String label() {
		return label;
	}

	/** The reasons among {@code reasons} that leave this condition unmet (empty: met). */
	public List<GateReason> unmetBy(List<GateReason> reasons) {
		return reasons.stream().filter(unmetWhen::contains).toList();
	}

}
