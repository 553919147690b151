package io.scalegate.evidence;

import io.scalegate.base.Checks;
import io.scalegate.base.DecimalRange;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.regex.Pattern;

/** A cost estimate for scaling up, in one currency (ISO 4217 code). */
public record CostEstimateEntry(LocalDate estimatedOn, String currency, BigDecimal smallBatchUnitCost,
		BigDecimal massUnitCost, BigDecimal toolingInvestment,
		Integer forecastAnnualVolume) implements EvidenceEntry<CostEstimate> {

	/** {@code numeric(14, 4)}, not negative. */
	static final DecimalRange UNIT_COST = DecimalRange.column(14, 4).from("0");

	/** {@code numeric(16, 2)}, not negative. */
	static final DecimalRange TOOLING_INVESTMENT = DecimalRange.column(16, 2).from("0");

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
		checks.decimal("smallBatchUnitCost", smallBatchUnitCost, UNIT_COST);
		checks.decimal("massUnitCost", massUnitCost, UNIT_COST);
		checks.decimal("toolingInvestment", toolingInvestment, TOOLING_INVESTMENT);
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
