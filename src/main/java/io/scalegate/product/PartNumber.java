package io.scalegate.product;

import io.scalegate.base.Checks;
import io.scalegate.base.InvalidInput;
import java.util.regex.Pattern;

/**
 * The one rule for part numbers, wherever one enters (registration in the UI and the API,
 * a path of the API, a row of an import): 2 to {@value #MAX_LENGTH} ASCII letters,
 * digits, '.', '_' and '-', starting and ending with a letter or digit, no two dots in a
 * row. So a part number is safe in a URL path, a file name and a CSV cell as it is: no
 * '/', no "..", no spaces, control, bidi or look-alike characters.
 */
public final class PartNumber {

	/** The width of {@code product.part_number}. */
	public static final int MAX_LENGTH = 64;

	public static final String RULE = "use 2 to " + MAX_LENGTH
			+ " letters (A-Z, a-z), digits, '.', '_' or '-', starting and ending with a letter or digit";

	private static final Pattern ALLOWED = Pattern
		.compile("[A-Za-z0-9](?:[A-Za-z0-9._-]{0," + (MAX_LENGTH - 2) + "}[A-Za-z0-9])");

	private PartNumber() {
	}

	/** Whether {@code value}, as given, follows the rule. */
	public static boolean isValid(String value) {
		return value != null && value.length() <= MAX_LENGTH && ALLOWED.matcher(value).matches()
				&& !value.contains("..");
	}

	/**
	 * Adds a problem for {@code field} unless {@code value}, stripped of surrounding
	 * spaces, follows the rule.
	 */
	public static void check(Checks checks, String field, String value) {
		if (!checks.required(field, value)) {
			return;
		}
		String stripped = value.strip();
		if (stripped.length() > MAX_LENGTH) {
			checks.fail(field, "must be at most " + MAX_LENGTH + " characters; " + RULE);
		}
		else if (!isValid(stripped)) {
			checks.fail(field, RULE);
		}
	}

	/**
	 * A part number given to find a product (a path, a row of an import): refused with a
	 * 400 naming {@code partNumber} when it cannot be one, before any lookup.
	 */
	static String requireValid(String value) {
		if (!isValid(value)) {
			throw new InvalidInput("partNumber", value == null || value.isEmpty() ? "is required" : RULE);
		}
		return value;
	}

}
