package io.scalegate.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * Times a query as the load drivers report it: 3 warm-ups, 15 timed runs, median and max
 * in ms.
 */
final class Timings {

	private Timings() {
	}

	static void report(String prefix, String what, Supplier<Object> query) {
		for (int warm = 0; warm < 3; warm++) {
			query.get();
		}
		List<Double> millis = new ArrayList<>();
		for (int run = 0; run < 15; run++) {
			long t = System.nanoTime();
			query.get();
			millis.add((System.nanoTime() - t) / 1e6);
		}
		double[] sorted = millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
		System.out.printf("%s | %s | median %.1f ms | max %.1f ms |%n", prefix, what, sorted[sorted.length / 2],
				Arrays.stream(sorted).max().orElse(0));
	}

}
