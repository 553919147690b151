package io.scalegate.base;

import java.util.Locale;

/** A number with its noun, for people: "1 entry", "1,204 entries", "0 rules". */
public final class Count {

	private Count() {
	}

	/** {@code count} with {@code one} when it is 1, else with {@code many}. */
	public static String of(long count, String one, String many) {
		return String.format(Locale.ENGLISH, "%,d %s", count, count == 1 ? one : many);
	}

}
