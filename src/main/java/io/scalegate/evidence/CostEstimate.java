package io.scalegate.evidence;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A cost estimate for scaling up; the latest one feeds the tooling economics decision.
 */
@Table("cost_estimate")
public record CostEstimate(@Id Long id, long productId, LocalDate estimatedOn, String currency,
		BigDecimal smallBatchUnitCost, BigDecimal massUnitCost, BigDecimal toolingInvestment, int forecastAnnualVolume,
		String recordedBy, Instant recordedAt) implements EvidenceRow {
}
