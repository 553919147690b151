package io.scalegate.form;

import com.fasterxml.jackson.databind.JsonNode;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * form-js's {@code conditional.hide} in the one shape ScaleGate evaluates: a FEEL
 * comparison of one field of the form with a literal ({@code =gateDecision !=
 * "GO_WITH_CONDITIONS"}, {@code =approved = true}). The component is hidden while the
 * comparison holds, re-evaluated whenever that field changes; a hidden input is neither
 * checked nor submitted (as form-js does). Any other expression is named unsupported.
 */
final class HideConditions {

	private static final Pattern COMPARISON = Pattern
		.compile("^=\\s*([A-Za-z_][\\w.]*)\\s*(!=|=)\\s*(\"([^\"]*)\"|true|false|null|-?\\d+(?:\\.\\d+)?)\\s*$");

	/**
	 * A component hidden while the field {@code key} equals (or differs from) a value.
	 */
	private record Rule(Component component, String key, boolean whenEqual, String literal) {

		/** {@code literal} null: FEEL's {@code null}. */
		boolean hides(Object value) {
			String given = value == null ? null : value instanceof Number n ? plain(n) : String.valueOf(value);
			return whenEqual == Objects.equals(given, literal);
		}

		private static String plain(Number n) {
			double d = n.doubleValue();
			return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
		}

	}

	private final List<Rule> rules = new ArrayList<>();

	/** Whether {@code c}'s {@code conditional.hide} is one ScaleGate evaluates. */
	static boolean supported(JsonNode c) {
		return parse(c).isPresent();
	}

	private static Optional<Matcher> parse(JsonNode c) {
		JsonNode hide = c.path("conditional").path("hide");
		if (!hide.isTextual()) {
			return Optional.empty();
		}
		Matcher matcher = COMPARISON.matcher(hide.asText().strip());
		return matcher.matches() ? Optional.of(matcher) : Optional.empty();
	}

	/** Hides {@code component} as {@code c} says, once {@link #wire} is called. */
	void add(JsonNode c, Component component) {
		parse(c).ifPresent(m -> rules.add(
				new Rule(component, m.group(1), m.group(2).equals("="), m.group(4) != null ? m.group(4) : m.group(3))));
	}

	/**
	 * Evaluates each rule now and whenever its field changes; a field the form does not
	 * have reads as no value.
	 */
	void wire(FieldBinding binding) {
		for (Rule rule : rules) {
			Optional<RenderedForm.Field> field = binding.fields()
				.stream()
				.filter(f -> f.key().equals(rule.key()))
				.findFirst();
			Runnable evaluate = () -> rule.component()
				.setVisible(!rule.hides(field.map(RenderedForm.Field::value).orElse(null)));
			evaluate.run();
			binding.component(rule.key())
				.filter(HasValue.class::isInstance)
				.map(HasValue.class::cast)
				.ifPresent(source -> source.addValueChangeListener(change -> evaluate.run()));
		}
	}

	/** Whether {@code component} or one of its ancestors is hidden. */
	static boolean hidden(Component component) {
		for (Component c = component; c != null; c = c.getParent().orElse(null)) {
			if (!c.isVisible()) {
				return true;
			}
		}
		return false;
	}

}
