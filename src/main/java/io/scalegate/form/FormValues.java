package io.scalegate.form;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The task's variables as a form reads them: each input's initial value (its variable,
 * else the form's {@code defaultValue}) in the type the input takes, the options of a
 * choice (its {@code values}, or the variable {@code valuesKey} names), and
 * {@code {{variable}}} templates in texts. A key with dots (or behind a group's path) is
 * a path through nested maps, both when a value is read here and when
 * {@link #put(Map, String, Object) put} into the values a task is completed with.
 */
final class FormValues {

	private static final Pattern TEMPLATE = Pattern.compile("\\{\\{\\s*([A-Za-z_][\\w.]*)\\s*}}");

	private final Map<String, Object> variables;

	FormValues(Map<String, Object> variables) {
		this.variables = variables == null ? Map.of() : variables;
	}

	String text(JsonNode c, String path) {
		return asText(initial(c, path));
	}

	/** Empty when there is no value or it is not a number. */
	Optional<Double> number(JsonNode c, String path) {
		Object initial = initial(c, path);
		if (initial instanceof Number n) {
			return Optional.of(n.doubleValue());
		}
		if (initial != null && !asText(initial).isBlank()) {
			try {
				return Optional.of(Double.valueOf(asText(initial)));
			}
			catch (NumberFormatException ignored) {
				// left empty: the person enters a number
			}
		}
		return Optional.empty();
	}

	boolean ticked(JsonNode c, String path) {
		Object initial = initial(c, path);
		return initial instanceof Boolean b ? b : Boolean.parseBoolean(asText(initial));
	}

	/** The values chosen of several options. */
	Set<String> selection(JsonNode c, String path) {
		Object initial = initial(c, path);
		if (initial instanceof Collection<?> items) {
			return new LinkedHashSet<>(items.stream().map(String::valueOf).toList());
		}
		return initial == null ? new LinkedHashSet<>() : new LinkedHashSet<>(List.of(String.valueOf(initial)));
	}

	/** The value chosen of one of the options. */
	Optional<String> choice(JsonNode c, String path) {
		return Optional.ofNullable(initial(c, path)).map(String::valueOf);
	}

	Optional<LocalDate> date(JsonNode c, String path) {
		Object initial = initial(c, path);
		if (initial instanceof Date date) {
			return Optional.of(LocalDate.ofInstant(date.toInstant(), ZoneOffset.UTC));
		}
		return parse(() -> LocalDate.parse(asText(initial)));
	}

	Optional<LocalDateTime> dateTime(JsonNode c, String path) {
		Object initial = initial(c, path);
		if (initial instanceof Date date) {
			return Optional.of(LocalDateTime.ofInstant(date.toInstant(), ZoneOffset.UTC));
		}
		return parse(() -> LocalDateTime.parse(asText(initial).replace("Z", "")));
	}

	Optional<LocalTime> time(JsonNode c, String path) {
		Object initial = initial(c, path);
		return parse(() -> LocalTime.parse(asText(initial).replace("Z", "")));
	}

	/**
	 * Static values, or values from the variable named by {@code valuesKey}: value →
	 * label.
	 */
	Map<String, String> options(JsonNode c) {
		Map<String, String> options = new LinkedHashMap<>();
		if (c.path("valuesKey").isTextual()) {
			Object source = variables.get(c.path("valuesKey").asText());
			if (source instanceof Collection<?> items) {
				for (Object item : items) {
					if (item instanceof Map<?, ?> map && map.get("value") != null) {
						options.put(String.valueOf(map.get("value")),
								String.valueOf(map.get("label") == null ? map.get("value") : map.get("label")));
					}
					else if (item != null) {
						options.put(String.valueOf(item), String.valueOf(item));
					}
				}
			}
			return options;
		}
		for (JsonNode option : c.path("values")) {
			options.put(option.path("value").asText(), option.path("label").asText(option.path("value").asText()));
		}
		return options;
	}

	/** {@code text} with each {@code {{variable}}} replaced by its value ("" if none). */
	String template(String text) {
		Matcher matcher = TEMPLATE.matcher(text);
		StringBuilder result = new StringBuilder();
		while (matcher.find()) {
			Object value = lookup(matcher.group(1));
			matcher.appendReplacement(result, Matcher.quoteReplacement(value == null ? "" : String.valueOf(value)));
		}
		matcher.appendTail(result);
		return result.toString();
	}

	/**
	 * Puts {@code value} under {@code dottedKey}, creating the nested maps on the way.
	 */
	@SuppressWarnings("unchecked")
	static void put(Map<String, Object> values, String dottedKey, Object value) {
		int dot = dottedKey.indexOf('.');
		if (dot < 0) {
			values.put(dottedKey, value);
			return;
		}
		Object nested = values.computeIfAbsent(dottedKey.substring(0, dot), k -> new LinkedHashMap<String, Object>());
		put((Map<String, Object>) nested, dottedKey.substring(dot + 1), value);
	}

	private Object initial(JsonNode c, String path) {
		Object value = lookup(path + c.path("key").asText(""));
		if (value != null) {
			return value;
		}
		JsonNode defaultValue = c.path("defaultValue");
		if (defaultValue.isMissingNode() || defaultValue.isNull()) {
			return null;
		}
		if (defaultValue.isBoolean()) {
			return defaultValue.asBoolean();
		}
		if (defaultValue.isNumber()) {
			return defaultValue.numberValue();
		}
		if (defaultValue.isArray()) {
			List<String> values = new ArrayList<>();
			defaultValue.forEach(v -> values.add(v.asText()));
			return values;
		}
		return defaultValue.asText();
	}

	/** The variable (or nested value) under {@code dottedKey}, if any. */
	Object value(String dottedKey) {
		return lookup(dottedKey);
	}

	private Object lookup(String dottedKey) {
		Object current = variables;
		for (String part : dottedKey.split("\\.")) {
			if (!(current instanceof Map<?, ?> map)) {
				return null;
			}
			current = map.get(part);
		}
		return current;
	}

	private static String asText(Object value) {
		return value == null ? "" : String.valueOf(value);
	}

	private static <T> Optional<T> parse(Supplier<T> parser) {
		try {
			return Optional.ofNullable(parser.get());
		}
		catch (DateTimeParseException | NullPointerException unparsable) {
			return Optional.empty();
		}
	}

}
