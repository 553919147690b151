package io.scalegate.form;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collection;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The checks a form-js {@code validate} block asks of an input, each returning what is
 * wrong with the entered value (the words after the field's label) or null: required,
 * minLength/maxLength and pattern for text; required, min/max and whole numbers for
 * numbers; a tick, a choice or at least one choice for checkboxes and options; a date or
 * time the picker could read. Limits written as FEEL are not checked (they are named as
 * unsupported).
 */
final class FieldValidation {

	private FieldValidation() {
	}

	static boolean required(JsonNode c) {
		return c.path("validate").path("required").asBoolean();
	}

	static String text(JsonNode c, String value) {
		JsonNode v = c.path("validate");
		String text = value == null ? "" : value;
		if (text.isBlank()) {
			return required(c) ? "is required" : null;
		}
		if (v.path("minLength").isNumber() && text.length() < v.path("minLength").asInt()) {
			return "must have at least " + v.path("minLength").asInt() + " characters";
		}
		if (v.path("maxLength").isNumber() && text.length() > v.path("maxLength").asInt()) {
			return "must have at most " + v.path("maxLength").asInt() + " characters";
		}
		if (v.path("pattern").isTextual() && !v.path("pattern").asText().startsWith("=")) {
			try {
				if (!Pattern.compile(v.path("pattern").asText()).matcher(text).matches()) {
					return "must match the pattern " + v.path("pattern").asText();
				}
			}
			catch (PatternSyntaxException badPattern) {
				return "cannot be checked: the form's pattern is not a valid regular expression";
			}
		}
		return null;
	}

	/**
	 * {@code unreadable}: the field holds text that is not a number ({@code value} is
	 * then null).
	 */
	static String number(JsonNode c, Double value, boolean unreadable, int decimals) {
		JsonNode v = c.path("validate");
		if (value == null) {
			return unreadable ? "is not a number" : required(c) ? "is required" : null;
		}
		if (v.path("min").isNumber() && value < v.path("min").asDouble()) {
			return "must be at least " + plain(v.path("min").asDouble());
		}
		if (v.path("max").isNumber() && value > v.path("max").asDouble()) {
			return "must be at most " + plain(v.path("max").asDouble());
		}
		if (decimals == 0 && value != Math.rint(value)) {
			return "must be a whole number";
		}
		return null;
	}

	static String ticked(JsonNode c, Boolean value) {
		return required(c) && !value ? "must be ticked" : null;
	}

	static String choice(JsonNode c, Object value) {
		return required(c) && value == null ? "is required" : null;
	}

	static String selection(JsonNode c, Collection<?> value) {
		return required(c) && value.isEmpty() ? "needs at least one choice" : null;
	}

	/**
	 * A date or time picker: {@code unreadable} when the person typed what it cannot read
	 * as {@code what} ("a date", "a time", "a date and time").
	 */
	static String picked(JsonNode c, Object value, boolean unreadable, String what) {
		return unreadable ? "is not " + what : required(c) && value == null ? "is required" : null;
	}

	private static String plain(double number) {
		return number == Math.rint(number) ? String.valueOf((long) number) : String.valueOf(number);
	}

}
