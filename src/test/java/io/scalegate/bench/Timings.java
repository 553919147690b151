package io.scalegate.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Times a query as the load drivers report it: 3 warm-ups, then {@code bench.runs} timed
 * runs (default 40), median, p95 (nearest rank) and max in ms.
 */
final class Timings {

	private Timings() {
	}

	static void report(String prefix, String what, Supplier<Object> query) {
		for (int warm = 0; warm < 3; warm++) {
			query.get();
		}
		int runs = Integer.getInteger("bench.runs", 40);
		List<Double> millis = new ArrayList<>();
		for (int run = 0; run < runs; run++) {
			long t = System.nanoTime();
			query.get();
			millis.add((System.nanoTime() - t) / 1e6);
		}
		double[] sorted = millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
		System.out.printf("%s | %s | median %.1f ms | p95 %.1f ms | max %.1f ms | n %d |%n", prefix, what,
				percentile(sorted, 50), percentile(sorted, 95), sorted[sorted.length - 1], sorted.length);
	}

	/** Nearest-rank percentile of sorted values. */
	static double percentile(double[] sorted, int percent) {
		int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
		return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
	}

}
