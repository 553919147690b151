package io.scalegate.dashboard;

import java.time.Duration;

/**
 * How long an open task has waited since it was created: under 2 days, 2 to 5, 5 to 10,
 * over 10 (a bucket holds its lower bound, not its upper).
 */
public enum AgeBucket {

	UNDER_2_DAYS("0-2", "< 2 days", 0, 2), DAYS_2_TO_5("2-5", "2–5 days", 2, 5),
	DAYS_5_TO_10("5-10", "5–10 days", 5, 10), OVER_10_DAYS("10+", "> 10 days", 10, Integer.MAX_VALUE);

	private final String code;

	private final String label;

	private final int toDays;

	AgeBucket(String code, String label, int fromDays, int toDays) {
		this.code = code;
		this.label = label;
		this.toDays = toDays;
	}

	public String code() {
		return code;
	}

	public String label() {
		return label;
	}

	public static AgeBucket of(Duration age) {
		for (AgeBucket bucket : values()) {
			if (bucket.toDays == Integer.MAX_VALUE || age.compareTo(Duration.ofDays(bucket.toDays)) < 0) {
				return bucket;
			}
		}
		return OVER_10_DAYS;
	}

	/** The bucket of this code ({@code 0-2}, {@code 2-5}, {@code 5-10}, {@code 10+}). */
	public static java.util.Optional<AgeBucket> ofCode(String code) {
		return java.util.Arrays.stream(values()).filter(bucket -> bucket.code.equals(code)).findFirst();
	}

}
