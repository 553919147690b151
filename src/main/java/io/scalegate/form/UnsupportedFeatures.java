package io.scalegate.form;

import com.fasterxml.jackson.databind.JsonNode;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * What a form uses that ScaleGate cannot show, each named once, in order of appearance:
 * component types it does not render, FEEL expressions, images without a source, inputs
 * without a key. A component ScaleGate cannot render is replaced by a notice naming it;
 * everything named is summed up above the form.
 */
final class UnsupportedFeatures {

	private final Set<String> named = new LinkedHashSet<>();

	/** Names {@code what} and returns the notice shown in its place. */
	Span notice(String what) {
		named.add(what);
		Span notice = new Span(
				"Not supported by ScaleGate's form renderer: " + what + ". Ask a process owner to change the form.");
		notice.getElement().getThemeList().add("badge warning");
		notice.addClassName("unsupported-form-component");
		return notice;
	}

	/**
	 * Any attribute written as a FEEL expression ("=…", e.g. {@code conditional.hide},
	 * {@code readonly}, {@code validate.min}) is evaluated by form-js in the browser;
	 * ScaleGate does not evaluate FEEL in forms, so each one is named, and the attribute
	 * is ignored (validation keeps only literal limits).
	 */
	void expressions(JsonNode c) {
		expressions(c, null);
	}

	/**
	 * As {@link #expressions(JsonNode)}, but {@code handled} (an attribute) is evaluated.
	 */
	void expressions(JsonNode c, String handled) {
		c.fields().forEachRemaining(field -> {
			if (!field.getKey().equals("components")) {
				expressions(c, field.getKey(), field.getValue(), handled);
			}
		});
	}

	private void expressions(JsonNode c, String attribute, JsonNode value, String handled) {
		if (attribute.equals(handled)) {
			return;
		}
		if (value.isTextual() && value.asText().startsWith("=")) {
			named.add("FEEL expression in \"" + attribute + "\" of " + name(c));
		}
		else if (value.isObject()) {
			value.fields().forEachRemaining(f -> expressions(c, attribute + "." + f.getKey(), f.getValue(), handled));
		}
	}

	/** An input without a key cannot be bound to a variable. */
	void keyless(JsonNode c) {
		named.add(name(c) + " without a key");
	}

	/** The summary shown above the form, when it uses anything unsupported. */
	Optional<Component> summary() {
		if (named.isEmpty()) {
			return Optional.empty();
		}
		Div summary = new Div(new Span("This form uses what ScaleGate cannot show here: " + String.join("; ", named)
				+ ". The rest works as usual."));
		summary.setId("form-unsupported");
		summary.getElement().getThemeList().add("badge warning");
		summary.getStyle().set("white-space", "normal").set("padding", "var(--lumo-space-s)");
		return Optional.of(summary);
	}

	Set<String> named() {
		return named;
	}

	/** A component as a person finds it in the form: its type and key (or id). */
	static String name(JsonNode c) {
		String key = c.path("key").asText(c.path("id").asText(""));
		return c.path("type").asText("component") + (key.isEmpty() ? "" : " \"" + key + "\"");
	}

}
