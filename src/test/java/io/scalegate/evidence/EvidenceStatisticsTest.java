package io.scalegate.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The statistics behind the gate inputs, against values worked out by hand. */
class EvidenceStatisticsTest {

	private static CustomerOrder order(String month, int quantity) {
		return new CustomerOrder(null, 1, LocalDate.parse(month + "-01"), quantity, "C", "q", null);
	}

	@Test
	void demandCvIsTheSampleStandardDeviationOverTheMean() {
		// 100, 200, 300: mean 200, sample sd = sqrt((100² + 0 + 100²) / 2) = 100, CV =
		// 0.5
		DemandSummary demand = DemandSummary
			.of(List.of(order("2026-01", 100), order("2026-02", 200), order("2026-03", 300)), 12);
		assertThat(demand.months()).isEqualTo(3);
		assertThat(demand.meanMonthlyQuantity()).isEqualTo(200.0);
		assertThat(demand.coefficientOfVariation()).isCloseTo(0.5, within(1e-9));
	}

	@Test
	void monthsWithoutOrdersCountAsZeroAndOrdersOfOneMonthAddUp() {
		// January 60 + 40 = 100, February none, March 200: 100, 0, 200; mean 100, sd =
		// sqrt((0 + 100² + 100²)/2) = 100
		DemandSummary demand = DemandSummary
			.of(List.of(order("2026-01", 60), order("2026-01", 40), order("2026-03", 200)), 12);
		assertThat(demand.months()).isEqualTo(3);
		assertThat(demand.coefficientOfVariation()).isCloseTo(1.0, within(1e-9));
	}

	@Test
	void onlyTheWindowCounts() {
		// 2025-01 is 14 months before 2026-03: outside a 12-month window
		DemandSummary demand = DemandSummary
			.of(List.of(order("2025-01", 5000), order("2025-04", 100), order("2026-03", 100)), 12);
		assertThat(demand.months()).isEqualTo(12);
		assertThat(demand.monthlyQuantity()).doesNotContainKey(java.time.YearMonth.of(2025, 1));
	}

	@Test
	void aOneMonthHistoryHasNoCv() {
		DemandSummary demand = DemandSummary.of(List.of(order("2026-03", 100)), 12);
		assertThat(demand.months()).isEqualTo(1);
		assertThat(demand.coefficientOfVariation()).isNull();
		assertThat(DemandSummary.of(List.of(), 12).months()).isZero();
		assertThat(DemandSummary.of(List.of(order("2026-01", 0), order("2026-02", 0)), 12).coefficientOfVariation())
			.isNull();
	}

	private static SmallBatch batch(int quantity, boolean conforming, String promised, String delivered) {
		Result result = conforming ? Result.PASS : Result.FAIL;
		return new SmallBatch(null, 1, "B", quantity, Result.PASS, result, Result.PASS, LocalDate.parse(promised),
				delivered == null ? null : LocalDate.parse(delivered), "s", null);
	}

	@Test
	void supplierRecordCountsConsecutiveConformingBatchesBackFromTheLatest() {
		SupplierRecord record = SupplierRecord.of(List.of(batch(100, true, "2026-01-10", "2026-01-09"),
				batch(100, false, "2026-02-10", "2026-02-12"), batch(200, true, "2026-03-10", "2026-03-10"),
				batch(100, true, "2026-04-10", "2026-04-11"), batch(50, true, "2026-05-10", null)));
		// delivered: 4; conforming from the latest back: April, March, then February
		// fails -> 2
		assertThat(record.deliveredBatches()).isEqualTo(4);
		assertThat(record.consecutiveConforming()).isEqualTo(2);
		// on time: January (early), March (on the day) -> 2 of 4
		assertThat(record.onTimeRate()).isEqualTo(0.5);
		// first-pass yield by quantity: (100 + 200 + 100) / 500 = 0.8
		assertThat(record.firstPassYield()).isCloseTo(0.8, within(1e-9));
	}

	@Test
	void supplierRecordWithoutDeliveriesHasNoRates() {
		SupplierRecord record = SupplierRecord.of(List.of(batch(100, true, "2026-01-10", null)));
		assertThat(record.consecutiveConforming()).isZero();
		assertThat(record.onTimeRate()).isNull();
		assertThat(record.firstPassYield()).isNull();
	}

	private static CapabilityStudy study(String characteristic, String day, String lsl, String usl, String mean,
			String sd) {
		return new CapabilityStudy(null, 1, characteristic, LocalDate.parse(day),
				lsl == null ? null : new BigDecimal(lsl), usl == null ? null : new BigDecimal(usl),
				new BigDecimal(mean), new BigDecimal(sd), 30, "q", null);
	}

	@Test
	void cpkIsTheNearerLimitOverThreeSigma() {
		// USL 10.1, LSL 9.9, mean 10.02, sd 0.02: (10.1 - 10.02) / 0.06 = 1.333, (10.02 -
		// 9.9) / 0.06 = 2 -> 1.333
		assertThat(study("d", "2026-01-01", "9.9", "10.1", "10.02", "0.02").cpk()).isCloseTo(4.0 / 3, within(1e-9));
		// one-sided: only an upper limit 1.6, mean 0.8, sd 0.1 -> 0.8 / 0.3 = 2.667
		assertThat(study("Ra", "2026-01-01", null, "1.6", "0.8", "0.1").cpk()).isCloseTo(8.0 / 3, within(1e-9));
	}

	@Test
	void processCpkIsTheWeakestLatestStudy() {
		ProcessCapability capability = ProcessCapability
			.of(List.of(study("bore", "2026-01-01", "9.9", "10.1", "10.0", "0.05"), // old:
																					// 0.667,
																					// superseded
					study("bore", "2026-03-01", "9.9", "10.1", "10.0", "0.02"), // 1.667
					study("flatness", "2026-02-01", null, "0.1", "0.04", "0.015"))); // 1.333
		assertThat(capability.weakestCpk()).isCloseTo(4.0 / 3, within(1e-9));
		assertThat(ProcessCapability.of(List.of()).weakestCpk()).isNull();
	}

	@Test
	void feedbackIsCountedByRatingWithinTheWindow() {
		LocalDate since = LocalDate.parse("2026-06-01");
		FeedbackCounts counts = FeedbackCounts.of(
				List.of(feedback("2026-05-31", FeedbackRating.NEGATIVE),
						feedback("2026-06-01", FeedbackRating.POSITIVE),
						feedback("2026-07-01", FeedbackRating.POSITIVE), feedback("2026-07-02", FeedbackRating.MIXED)),
				since);
		assertThat(counts).isEqualTo(new FeedbackCounts(2, 1, 0));
	}

	private static CustomerFeedback feedback(String day, FeedbackRating rating) {
		return new CustomerFeedback(null, 1, LocalDate.parse(day), "C", rating, null, "q", null);
	}

}
