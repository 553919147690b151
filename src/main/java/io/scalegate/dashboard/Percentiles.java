package io.scalegate.dashboard;

import java.time.Duration;
import java.util.List;

/**
 * Percentiles by the nearest-rank method: the p-th percentile of n values sorted
 * ascending is the value at rank ⌈p/100 · n⌉ (counted from 1), so it is always one of the
 * values measured, never interpolated. The median is the 50th.
 */
public final class Percentiles {

	private Percentiles() {
	}

	/**
	 * The {@code percent}-th percentile of {@code values}; null when there are none.
	 * @param values in any order
	 * @param percent greater than 0, at most 100
	 */
	public static Duration nearestRank(List<Duration> values, int percent) {
		if (percent <= 0 || percent > 100) {
			throw new IllegalArgumentException("percent must be in (0, 100]: " + percent);
		}
		if (values.isEmpty()) {
			return null;
		}
		List<Duration> sorted = values.stream().sorted().toList();
		int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
		return sorted.get(Math.max(1, rank) - 1);
	}

}
