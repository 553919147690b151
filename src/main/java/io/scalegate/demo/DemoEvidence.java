package io.scalegate.demo;

import io.scalegate.evidence.CapabilityStudies;
import io.scalegate.evidence.CapabilityStudy;
import io.scalegate.evidence.CostEstimate;
import io.scalegate.evidence.CostEstimates;
import io.scalegate.evidence.CustomerFeedback;
import io.scalegate.evidence.CustomerFeedbacks;
import io.scalegate.evidence.CustomerOrder;
import io.scalegate.evidence.CustomerOrders;
import io.scalegate.evidence.DesignChange;
import io.scalegate.evidence.DesignChanges;
import io.scalegate.evidence.FeedbackRating;
import io.scalegate.evidence.Result;
import io.scalegate.evidence.SmallBatch;
import io.scalegate.evidence.SmallBatches;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Random;
import org.springframework.stereotype.Component;

/**
 * Writes believable evidence for a demo product: order history, batches, studies, costs,
 * changes, feedback.
 */
@Component
class DemoEvidence {

	private final CustomerOrders orders;

	private final SmallBatches batches;

	private final CapabilityStudies studies;

	private final CostEstimates costs;

	private final DesignChanges changes;

	private final CustomerFeedbacks feedback;

	private final Clock clock;

	DemoEvidence(CustomerOrders orders, SmallBatches batches, CapabilityStudies studies, CostEstimates costs,
			DesignChanges changes, CustomerFeedbacks feedback, Clock clock) {
		this.orders = orders;
		this.batches = batches;
		this.studies = studies;
		this.costs = costs;
		this.changes = changes;
		this.feedback = feedback;
		this.clock = clock;
	}

	/**
	 * Monthly orders for the last {@code months} months around {@code mean}, spread by
	 * {@code cv}.
	 */
	void orders(long productId, String customer, int months, int mean, double cv, long seed) {
		Random random = new Random(seed);
		LocalDate thisMonth = today().withDayOfMonth(1);
		for (int i = months; i >= 1; i--) {
			int quantity = (int) Math.max(0, Math.round(mean * (1 + cv * random.nextGaussian())));
			orders.save(
					new CustomerOrder(null, productId, thisMonth.minusMonths(i), quantity, customer, "quality", now()));
		}
	}

	/**
	 * {@code count} batches, one a month; the first {@code failing} fail finish, every
	 * {@code lateEvery}-th is late.
	 */
	void batches(long productId, String prefix, int count, int failing, int lateEvery) {
		LocalDate start = today().minusMonths(count);
		for (int i = 0; i < count; i++) {
			LocalDate promised = start.plusMonths(i);
			boolean late = lateEvery > 0 && (i + 1) % lateEvery == 0;
			Result finish = i < failing ? Result.FAIL : Result.PASS;
			batches.save(new SmallBatch(null, productId, prefix + "-B" + (i + 1), 200 + 25 * (i % 4), Result.PASS,
					finish, finish, promised, late ? promised.plusDays(6) : promised.minusDays(1), "supplier", now()));
		}
	}

	void capability(long productId, String characteristic, double lsl, double usl, double mean, double sigma) {
		studies.save(new CapabilityStudy(null, productId, characteristic, today().minusDays(20),
				BigDecimal.valueOf(lsl), BigDecimal.valueOf(usl), BigDecimal.valueOf(mean), BigDecimal.valueOf(sigma),
				50, "quality", now()));
	}

	void cost(long productId, double smallBatchUnitCost, double massUnitCost, double tooling, int volume) {
		costs.save(
				new CostEstimate(null, productId, today().minusDays(30), "EUR", BigDecimal.valueOf(smallBatchUnitCost),
						BigDecimal.valueOf(massUnitCost), BigDecimal.valueOf(tooling), volume, "engineer", now()));
	}

	void designChange(long productId, String number, int daysAgo, String description) {
		changes.save(
				new DesignChange(null, productId, number, today().minusDays(daysAgo), description, "engineer", now()));
	}

	void feedback(long productId, String customer, FeedbackRating rating, int daysAgo, String summary) {
		feedback.save(new CustomerFeedback(null, productId, today().minusDays(daysAgo), customer, rating, summary,
				"quality", now()));
	}

	private LocalDate today() {
		return LocalDate.now(clock);
	}

	private Instant now() {
		return clock.instant();
	}

}
