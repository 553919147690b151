package io.scalegate.evidence;

import io.scalegate.security.Role;
import java.util.Set;

/**
 * The kinds of evidence a product collects, who may record each (DESIGN.md roles:
 * engineers keep design changes, quality and supplier quality keep batches and studies),
 * and the table each lives in.
 */
public enum EvidenceKind {

	SMALL_BATCH("Small batches", SmallBatch.class, "small_batch", "batch_number", "batchNumber", Role.QUALITY,
			Role.SUPPLIER_QUALITY),
	ORDER("Orders", CustomerOrder.class, "customer_order", null, null, Role.ENGINEER, Role.QUALITY),
	FEEDBACK("Customer feedback", CustomerFeedback.class, "customer_feedback", null, null, Role.ENGINEER, Role.QUALITY),
	COST_ESTIMATE("Costs", CostEstimate.class, "cost_estimate", null, null, Role.ENGINEER, Role.QUALITY),
	DESIGN_CHANGE("Design changes", DesignChange.class, "design_change", "change_number", "changeNumber",
			Role.ENGINEER),
	CAPABILITY_STUDY("Capability studies", CapabilityStudy.class, "capability_study", null, null, Role.QUALITY,
			Role.SUPPLIER_QUALITY);

	private final String label;

	private final Class<? extends EvidenceRow> rowType;

	private final String table;

	private final String uniqueColumn;

	private final String uniqueField;

	private final Set<Role> recorders;

	EvidenceKind(String label, Class<? extends EvidenceRow> rowType, String table, String uniqueColumn,
			String uniqueField, Role... recorders) {
		this.label = label;
		this.rowType = rowType;
		this.table = table;
		this.uniqueColumn = uniqueColumn;
		this.uniqueField = uniqueField;
		this.recorders = Set.of(recorders);
	}

	public String label() {
		return label;
	}

	/** The roles that may record and edit this kind of evidence. */
	public Set<Role> recorders() {
		return recorders;
	}

	public boolean recordableBy(Set<Role> roles) {
		return roles.stream().anyMatch(recorders::contains);
	}

	Class<? extends EvidenceRow> rowType() {
		return rowType;
	}

	String table() {
		return table;
	}

	String uniqueColumn() {
		return uniqueColumn;
	}

	String uniqueField() {
		return uniqueField;
	}

}
