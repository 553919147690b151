package io.scalegate.gate;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The values the gate DRD reads, by their contract names
 * ({@link ProductLifecycle#GATE_INPUTS}), in contract order. {@code null} values mean "no
 * evidence": the decisions give a verdict for them.
 */
public record GateInputs(Map<String, Object> values) {

	public GateInputs {
		Map<String, Object> ordered = new LinkedHashMap<>();
		for (ProcessVariable<?> input : ProductLifecycle.GATE_INPUTS) {
			ordered.put(input.name(), values.get(input.name()));
		}
		values = Collections.unmodifiableMap(ordered);
	}

	public <T> T get(ProcessVariable<T> input) {
		return input.type().cast(values.get(input.name()));
	}

	/**
	 * A copy with the named inputs changed, from loosely typed values (JSON numbers,
	 * booleans, strings); an unknown name or a value of the wrong type is refused, naming
	 * the input.
	 */
	public GateInputs withValues(Map<String, Object> changes) {
		io.scalegate.base.Checks checks = new io.scalegate.base.Checks();
		Map<String, Object> changed = new LinkedHashMap<>(values);
		changes.forEach((name, raw) -> {
			ProcessVariable<?> input = ProductLifecycle.GATE_INPUTS.stream()
				.filter(candidate -> candidate.name().equals(name))
				.findFirst()
				.orElse(null);
			if (input == null) {
				checks.fail(name, "is not an input of the gate decisions");
				return;
			}
			Object value = ProductLifecycle.MISSING_DELIVERABLES.equals(input) ? kinds(raw)
					: convert(input.type(), raw);
			if (raw != null && value == null) {
				checks.fail(name, "must be " + describe(input));
			}
			else {
				changed.put(name, value);
			}
		});
		checks.throwIfAny();
		return new GateInputs(changed);
	}

	/**
	 * Missing deliverables: kind codes joined by commas ("" for none), or a list of them;
	 * anything else is refused.
	 */
	private static String kinds(Object raw) {
		if (raw == null) {
			return null;
		}
		List<?> codes = raw instanceof List<?> list ? list
				: raw instanceof String text ? GateWords.kindCodes(text) : null;
		if (codes == null || !codes.stream()
			.allMatch(code -> code instanceof String kind && ProductLifecycle.DOCUMENT_KINDS.contains(kind))) {
			return null;
		}
		return codes.stream().map(String.class::cast).collect(Collectors.joining(","));
	}

	private static Object convert(Class<?> type, Object raw) {
		if (raw == null) {
			return null;
		}
		if (type == Integer.class && raw instanceof Number number
				&& number.doubleValue() == Math.rint(number.doubleValue())
				&& Math.abs(number.doubleValue()) <= Integer.MAX_VALUE) {
			return number.intValue();
		}
		if (type == Double.class && raw instanceof Number number && Double.isFinite(number.doubleValue())) {
			return number.doubleValue();
		}
		if (type == Boolean.class && raw instanceof Boolean bool) {
			return bool;
		}
		if (type == String.class && raw instanceof String text
				&& ProductLifecycle.CUSTOMER_FEEDBACK_VALUES.contains(text)) {
			return text;
		}
		return null;
	}

	private static String describe(ProcessVariable<?> input) {
		if (ProductLifecycle.MISSING_DELIVERABLES.equals(input)) {
			return "document kind codes joined by commas (\"\" for none), of "
					+ String.join(", ", ProductLifecycle.DOCUMENT_KINDS);
		}
		if (input.type() == Integer.class) {
			return "a whole number from -" + Integer.MAX_VALUE + " to " + Integer.MAX_VALUE;
		}
		if (input.type() == Double.class) {
			return "a finite number (not NaN, not beyond ±1.7976931348623157E308)";
		}
		if (input.type() == Boolean.class) {
			return "true or false";
		}
		return "one of " + String.join(", ", ProductLifecycle.CUSTOMER_FEEDBACK_VALUES);
	}

	/**
	 * A copy with one input changed (what-if); the value must have the input's type or be
	 * null.
	 */
	public <T> GateInputs with(ProcessVariable<T> input, T value) {
		Map<String, Object> changed = new LinkedHashMap<>(values);
		changed.put(input.name(), value);
		return new GateInputs(changed);
	}

}
