package io.scalegate.base;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects every wrong field of one input before anything is saved, so a person or a
 * client learns about all of them at once:
 * {@code checks.required("quantity", quantity); ... checks.throwIfAny();}.
 */
public final class Checks {

	private final List<InvalidInput.FieldProblem> problems = new ArrayList<>();

	public Checks fail(String field, String message) {
		if (problems.stream().noneMatch(problem -> problem.field().equals(field))) {
			problems.add(new InvalidInput.FieldProblem(field, message));
		}
		return this;
	}

	public boolean required(String field, Object value) {
		if (value == null || value instanceof String text && text.isBlank()) {
			fail(field, "is required");
			return false;
		}
		return true;
	}

	/** Required text of at most {@code maxLength} characters. */
	public void text(String field, String value, int maxLength) {
		if (required(field, value)) {
			optionalText(field, value, maxLength);
		}
	}

	public void optionalText(String field, String value, int maxLength) {
		if (value != null && value.strip().length() > maxLength) {
			fail(field, "must be at most " + maxLength + " characters");
		}
		else if (value != null && hasControlCharacter(value)) {
			fail(field, "must not contain control characters (other than tabs and line breaks)");
		}
	}

	/**
	 * Whether the text holds a control character other than tab, line feed and carriage
	 * return (NUL among them, which PostgreSQL refuses to store).
	 */
	public static boolean hasControlCharacter(String text) {
		return text.chars().anyMatch(c -> (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7f && c < 0xa0));
	}

	/**
	 * Whether the text holds an invisible formatting character (Unicode category Cf: a
	 * right-to-left override, a zero-width space): refused in names and reasons that are
	 * printed with signatures and kept in the trail, where they could make one text read
	 * as another.
	 */
	public static boolean hasHiddenCharacter(String text) {
		return text.codePoints().anyMatch(c -> Character.getType(c) == Character.FORMAT);
	}

	public void atLeast(String field, Number value, long minimum) {
		if (required(field, value) && value.doubleValue() < minimum) {
			fail(field, "must be at least " + minimum);
		}
	}

	/** A required decimal in {@code range}; the message names the range. */
	public boolean decimal(String field, BigDecimal value, DecimalRange range) {
		return required(field, value) && optionalDecimal(field, value, range);
	}

	/** A decimal in {@code range}, or none. */
	public boolean optionalDecimal(String field, BigDecimal value, DecimalRange range) {
		if (value != null && !range.holds(value)) {
			fail(field, range.describe());
			return false;
		}
		return ok(field);
	}

	public void that(boolean condition, String field, String message) {
		if (!condition) {
			fail(field, message);
		}
	}

	public boolean ok(String field) {
		return problems.stream().noneMatch(problem -> problem.field().equals(field));
	}

	public void throwIfAny() {
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
	}

}
