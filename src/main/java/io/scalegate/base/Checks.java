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
	}

	public void atLeast(String field, Number value, long minimum) {
		if (required(field, value) && value.doubleValue() < minimum) {
			fail(field, "must be at least " + minimum);
		}
	}

	public void notNegative(String field, BigDecimal value) {
		if (required(field, value) && value.signum() < 0) {
			fail(field, "must not be negative");
		}
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
