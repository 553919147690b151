package io.scalegate.base;

import java.math.BigDecimal;

/**
 * The decimals an input may hold: from {@code minimum} to {@code maximum}, with at most
 * {@code scale} decimal places. {@link #column} gives what a {@code numeric(precision,
 * scale)} column holds, so a value is refused at the input, naming its field, rather than
 * rounded or refused by the database; {@link #from} narrows it to what makes physical
 * sense (no negative cost, a standard deviation above zero).
 */
public record DecimalRange(BigDecimal minimum, BigDecimal maximum, int scale) {

	/** What a {@code numeric(precision, scale)} column holds, both signs. */
	public static DecimalRange column(int precision, int scale) {
		BigDecimal maximum = BigDecimal.TEN.pow(precision - scale).subtract(BigDecimal.ONE.movePointLeft(scale));
		return new DecimalRange(maximum.negate(), maximum, scale);
	}

	/** The same range, from {@code minimum} up. */
	public DecimalRange from(String minimum) {
		return new DecimalRange(new BigDecimal(minimum), maximum, scale);
	}

	/** Whether the value lies in the range with no more decimal places than it keeps. */
	public boolean holds(BigDecimal value) {
		return value.compareTo(minimum) >= 0 && value.compareTo(maximum) <= 0
				&& value.stripTrailingZeros().scale() <= scale;
	}

	/** "must be from 0 to 9999999999.9999 with at most 4 decimal places". */
	public String describe() {
		return "must be from " + minimum.toPlainString() + " to " + maximum.toPlainString() + " with at most " + scale
				+ " decimal place" + (scale == 1 ? "" : "s");
	}

}
