package io.scalegate.evidence;

/**
 * The gate inputs ScaleGate computes from a product's recorded evidence, named as in the
 * public decision contract. {@code null} means "no evidence yet"; the decisions give a
 * verdict for it.
 *
 * @param costCurrency the currency of the latest cost estimate (ISO 4217), which the
 * costs are in; null without one
 */
public record GateEvidence(int demandMonths, Double demandCv, int supplierBatchesDelivered, Double supplierOnTimeRate,
		Double supplierFirstPassYield, Double processCpk, Double toolingInvestment, Double smallBatchUnitCost,
		Double massUnitCost, Integer forecastAnnualVolume, int designChangesLast90Days, FeedbackCounts feedback,
		boolean unitCostReductionPriority, boolean needsSupplyCoordination, String costCurrency) {
}
