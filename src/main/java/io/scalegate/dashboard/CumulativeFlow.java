package io.scalegate.dashboard;

import io.scalegate.product.Stage;
import io.scalegate.product.StageFlow.Change;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The products in each stage at each point of a period (the cumulative-flow chart's
 * series): the counts at the period's start, and every change in the period moving one
 * product from its stage to the next (a registration only adds one). A change at a point
 * counts at it.
 */
public record CumulativeFlow(List<Instant> points, List<Map<Stage, Long>> counts) {

	public static CumulativeFlow of(Map<Stage, Long> atStart, List<Change> changes, List<Instant> points) {
		Map<Stage, Long> running = new EnumMap<>(Stage.class);
		for (Stage stage : Stage.values()) {
			running.put(stage, atStart.getOrDefault(stage, 0L));
		}
		List<Change> sorted = changes.stream().sorted(java.util.Comparator.comparing(Change::at)).toList();
		List<Map<Stage, Long>> counts = new ArrayList<>();
		int next = 0;
		for (Instant point : points) {
			while (next < sorted.size() && !sorted.get(next).at().isAfter(point)) {
				Change change = sorted.get(next++);
				if (change.from() != null) {
					running.merge(change.from(), -1L, Long::sum);
				}
				running.merge(change.to(), 1L, Long::sum);
			}
			counts.add(new EnumMap<>(running));
		}
		return new CumulativeFlow(List.copyOf(points), List.copyOf(counts));
	}

	/** The largest total of one point (the chart's height). */
	public long maxTotal() {
		return counts.stream().mapToLong(c -> c.values().stream().mapToLong(Long::longValue).sum()).max().orElse(0);
	}

}
