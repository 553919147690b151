package io.scalegate.evidence;

import io.scalegate.base.Checks;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.regex.Pattern;

/** A cost estimate for scaling up, in one currency (ISO 4217 code). */
public record CostEstimateEntry(LocalDate estimatedOn, String currency, BigDecimal smallBatchUnitCost,
		BigDecimal massUnitCost, BigDecimal toolingInvestment,
		Integer forecastAnnualVolume) implements EvidenceEntry<CostEstimate> {

	private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

	@Override
	public EvidenceKind kind() {
		return EvidenceKind.COST_ESTIMATE;
	}

	@Override
	public void check(Checks checks, LocalDate today) {
		checks.required("estimatedOn", estimatedOn);
		EvidenceEntry.notInFuture(checks, "estimatedOn", estimatedOn, today);
		if (checks.required("currency", currency) && !CURRENCY.matcher(currency.strip()).matches()) {
			checks.fail("currency", "must be a three-letter ISO 4217 code such as EUR");
		}
		checks.notNegative("smallBatchUnitCost", smallBatchUnitCost);
		checks.notNegative("massUnitCost", massUnitCost);
		checks.notNegative("toolingInvestment", toolingInvestment);
		checks.atLeast("forecastAnnualVolume", forecastAnnualVolume, 0);
	}

	@Override
	public CostEstimate toRow(Long id, long productId, String recordedBy, Instant recordedAt) {
		return new CostEstimate(id, productId, estimatedOn, currency.strip(), smallBatchUnitCost, massUnitCost,
				toolingInvestment, forecastAnnualVolume, recordedBy, recordedAt);
	}

	public static CostEstimateEntry of(CostEstimate cost) {
		return new CostEstimateEntry(cost.estimatedOn(), cost.currency(), cost.smallBatchUnitCost(),
				cost.massUnitCost(), cost.toolingInvestment(), cost.forecastAnnualVolume());
	}

}
