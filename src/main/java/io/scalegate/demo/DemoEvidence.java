package io.scalegate.demo;

import io.scalegate.evidence.CapabilityStudyEntry;
import io.scalegate.evidence.CostEstimateEntry;
import io.scalegate.evidence.DesignChangeEntry;
import io.scalegate.evidence.EvidenceRecorder;
import io.scalegate.evidence.EvidenceRecorder.ImportRow;
import io.scalegate.evidence.FeedbackEntry;
import io.scalegate.evidence.FeedbackRating;
import io.scalegate.evidence.OrderEntry;
import io.scalegate.evidence.Result;
import io.scalegate.evidence.SmallBatchEntry;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.springframework.stereotype.Component;

/**
 * Records believable evidence for a demo product (order history, batches, studies, costs,
 * changes, feedback) through {@link EvidenceRecorder}, as the demo accounts would: every
 * entry is checked field by field, audited, and heard by the lifecycle like real
 * evidence.
 */
@Component
class DemoEvidence {

	private final EvidenceRecorder recorder;

	private final Clock clock;

	DemoEvidence(EvidenceRecorder recorder, Clock clock) {
		this.recorder = recorder;
		this.clock = clock;
	}

	/**
	 * Monthly orders for the last {@code months} months around {@code mean}, spread by
	 * {@code cv}, imported by quality in one go as from the ERP.
	 */
	void orders(String partNumber, String customer, int months, int mean, double cv, long seed) {
		Random random = new Random(seed);
		LocalDate thisMonth = today().withDayOfMonth(1);
		List<ImportRow> rows = new ArrayList<>();
		for (int i = months; i >= 1; i--) {
			int quantity = (int) Math.max(0, Math.round(mean * (1 + cv * random.nextGaussian())));
			rows.add(new ImportRow(rows.size() + 1, partNumber,
					new OrderEntry(thisMonth.minusMonths(i), quantity, customer)));
		}
		recorder.recordAll(rows, "quality", written -> {
		});
	}

	/**
	 * {@code count} batches, one a month, imported by supplier quality in one go; the
	 * first {@code failing} fail finish, every {@code lateEvery}-th is late.
	 */
	void batches(String partNumber, String prefix, int count, int failing, int lateEvery) {
		LocalDate start = today().minusMonths(count);
		List<ImportRow> rows = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			LocalDate promised = start.plusMonths(i);
			boolean late = lateEvery > 0 && (i + 1) % lateEvery == 0;
			Result finish = i < failing ? Result.FAIL : Result.PASS;
			rows.add(new ImportRow(i + 1, partNumber, new SmallBatchEntry(prefix + "-B" + (i + 1), 200 + 25 * (i % 4),
					Result.PASS, finish, finish, promised, late ? promised.plusDays(6) : promised.minusDays(1))));
		}
		recorder.recordAll(rows, "supplier", written -> {
		});
	}

	void capability(String partNumber, String characteristic, double lsl, double usl, double mean, double sigma) {
		recorder
			.record(partNumber,
					new CapabilityStudyEntry(characteristic, today().minusDays(20), BigDecimal.valueOf(lsl),
							BigDecimal.valueOf(usl), BigDecimal.valueOf(mean), BigDecimal.valueOf(sigma), 50),
					"quality");
	}

	void cost(String partNumber, double smallBatchUnitCost, double massUnitCost, double tooling, int volume) {
		recorder.record(partNumber,
				new CostEstimateEntry(today().minusDays(30), "EUR", BigDecimal.valueOf(smallBatchUnitCost),
						BigDecimal.valueOf(massUnitCost), BigDecimal.valueOf(tooling), volume),
				"engineer");
	}

	void designChange(String partNumber, String number, int daysAgo, String description) {
		recorder.record(partNumber, new DesignChangeEntry(number, today().minusDays(daysAgo), description), "engineer");
	}

	void feedback(String partNumber, String customer, FeedbackRating rating, int daysAgo, String summary) {
		recorder.record(partNumber, new FeedbackEntry(today().minusDays(daysAgo), customer, rating, summary),
				"quality");
	}

	private LocalDate today() {
		return LocalDate.now(clock);
	}

}
