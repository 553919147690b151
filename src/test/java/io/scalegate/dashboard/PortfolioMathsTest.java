package io.scalegate.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scalegate.product.Stage;
import io.scalegate.product.StageFlow.Change;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's maths without a database: nearest-rank percentiles, the cumulative
 * flow's series, the weeks it is drawn at, the age buckets and the decision columns.
 */
class PortfolioMathsTest {

	static List<Duration> days(long... values) {
		return java.util.Arrays.stream(values).mapToObj(Duration::ofDays).toList();
	}

	@Test
	void percentilesTakeTheValueAtTheNearestRank() {
		// 1..10: median at rank ceil(5) = 5, P90 at rank ceil(9) = 9
		assertThat(Percentiles.nearestRank(days(10, 1, 9, 2, 8, 3, 7, 4, 6, 5), 50)).isEqualTo(Duration.ofDays(5));
		assertThat(Percentiles.nearestRank(days(10, 1, 9, 2, 8, 3, 7, 4, 6, 5), 90)).isEqualTo(Duration.ofDays(9));
		// four values: median at rank 2, P90 at rank ceil(3.6) = 4
		assertThat(Percentiles.nearestRank(days(6, 2, 6, 4), 50)).isEqualTo(Duration.ofDays(4));
		assertThat(Percentiles.nearestRank(days(6, 2, 6, 4), 90)).isEqualTo(Duration.ofDays(6));
		// three values: median rank 2, P90 rank ceil(2.7) = 3
		assertThat(Percentiles.nearestRank(days(8, 4, 6), 50)).isEqualTo(Duration.ofDays(6));
		assertThat(Percentiles.nearestRank(days(8, 4, 6), 90)).isEqualTo(Duration.ofDays(8));
		// one value is every percentile; none has none
		assertThat(Percentiles.nearestRank(days(3), 50)).isEqualTo(Duration.ofDays(3));
		assertThat(Percentiles.nearestRank(days(3), 90)).isEqualTo(Duration.ofDays(3));
		assertThat(Percentiles.nearestRank(List.of(), 50)).isNull();
		assertThat(Percentiles.nearestRank(days(1, 2), 100)).isEqualTo(Duration.ofDays(2));
		assertThatThrownBy(() -> Percentiles.nearestRank(days(1), 0)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void theCumulativeFlowMovesEachProductFromItsStageToTheNext() {
		Instant t0 = Instant.parse("2030-01-07T00:00:00Z");
		List<Instant> points = List.of(t0, t0.plus(Duration.ofDays(7)), t0.plus(Duration.ofDays(14)));
		Map<Stage, Long> atStart = Map.of(Stage.PROTOTYPE, 2L, Stage.SMALL_BATCH, 1L);
		List<Change> changes = List.of(
				// registered between the first and second point
				new Change("A", null, Stage.PROTOTYPE, t0.plus(Duration.ofDays(1))),
				// exactly at the second point: counts there
				new Change("B", Stage.PROTOTYPE, Stage.SMALL_BATCH, t0.plus(Duration.ofDays(7))),
				new Change("C", Stage.SMALL_BATCH, Stage.MASS_PRODUCTION, t0.plus(Duration.ofDays(10))),
				new Change("A", Stage.PROTOTYPE, Stage.CANCELLED, t0.plus(Duration.ofDays(15))));

		CumulativeFlow flow = CumulativeFlow.of(atStart, changes, points);

		assertThat(flow.points()).isEqualTo(points);
		assertThat(flow.counts().get(0)).containsEntry(Stage.PROTOTYPE, 2L)
			.containsEntry(Stage.SMALL_BATCH, 1L)
			.containsEntry(Stage.MASS_PRODUCTION, 0L);
		assertThat(flow.counts().get(1)).containsEntry(Stage.PROTOTYPE, 2L)
			.containsEntry(Stage.SMALL_BATCH, 2L)
			.containsEntry(Stage.MASS_PRODUCTION, 0L);
		assertThat(flow.counts().get(2)).containsEntry(Stage.PROTOTYPE, 2L)
			.containsEntry(Stage.SMALL_BATCH, 1L)
			.containsEntry(Stage.MASS_PRODUCTION, 1L)
			.containsEntry(Stage.CANCELLED, 0L);
		assertThat(flow.maxTotal()).isEqualTo(4);
	}

	@Test
	void theFlowIsDrawnAtEveryMondayOfThePeriodAndNow() {
		Instant from = Instant.parse("2030-01-02T00:00:00Z"); // a Wednesday
		Instant now = Instant.parse("2030-01-22T10:00:00Z"); // a Tuesday
		assertThat(Portfolio.weekPoints(from, now)).containsExactly(Instant.parse("2030-01-07T00:00:00Z"),
				Instant.parse("2030-01-14T00:00:00Z"), Instant.parse("2030-01-21T00:00:00Z"), now);
	}

	@Test
	void ageBucketsHoldTheirLowerBound() {
		assertThat(AgeBucket.of(Duration.ofHours(47))).isEqualTo(AgeBucket.UNDER_2_DAYS);
		assertThat(AgeBucket.of(Duration.ofDays(2))).isEqualTo(AgeBucket.DAYS_2_TO_5);
		assertThat(AgeBucket.of(Duration.ofDays(5))).isEqualTo(AgeBucket.DAYS_5_TO_10);
		assertThat(AgeBucket.of(Duration.ofDays(10))).isEqualTo(AgeBucket.OVER_10_DAYS);
		assertThat(AgeBucket.ofCode("5-10")).contains(AgeBucket.DAYS_5_TO_10);
	}

	@Test
	void gateDecisionsAreColumnsAsRecordedSoANewDecisionAppears() {
		assertThat(Portfolio.decisionColumns("gateReview", List.of("GO_WITH_CONDITIONS", "KILL"))).startsWith(
				"GO_MASS_PRODUCTION", "GO_WITH_CONDITIONS", "STAY_SMALL_BATCH", "RECYCLE_TO_PROTOTYPE", "KILL",
				"ONE_STOP_SCALE_PLANNING");
		assertThat(Portfolio.decisionColumns("prototypeReview", List.of("GO", "SOMETHING_NEW"))).containsExactly("GO",
				"RECYCLE", "KILL", "SOMETHING_NEW");
		assertThat(Portfolio.decisionLabel("GO_WITH_CONDITIONS")).isEqualTo("Go with conditions");
		assertThat(Portfolio.decisionLabel("STAY_SMALL_BATCH")).isEqualTo("Hold");
		assertThat(Portfolio.decisionLabel("SOMETHING_NEW")).isEqualTo("Something new");
	}

}
