package io.scalegate.form;

import com.fasterxml.jackson.databind.JsonNode;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.shared.HasValidationProperties;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Binds each input to its variable, as a {@link RenderedForm.Field}: the key it completes
 * the task with (behind its group's path), the typed value it reads back, and its check,
 * which marks the component and puts the field's label before the message (a disabled
 * input is not checked). An input without a key cannot be bound and is named unsupported.
 * Typed values: empty text as null, a whole number ({@code decimalDigits: 0}) as Long and
 * any other as Double, a selection as a list, a date or date and time as a {@link Date}
 * at UTC, a time as its ISO text.
 */
final class FieldBinding {

	private final List<RenderedForm.Field> fields = new ArrayList<>();

	private final java.util.Map<String, Component> components = new java.util.HashMap<>();

	private final UnsupportedFeatures unsupported;

	FieldBinding(UnsupportedFeatures unsupported) {
		this.unsupported = unsupported;
	}

	/**
	 * Binds {@code component}, described by {@code c} and labelled {@code label}, reading
	 * its typed {@code value} and checking it with {@code problem}.
	 */
	<C extends Component & HasValidationProperties> void bind(JsonNode c, String path, String label, C component,
			Supplier<Object> value, Supplier<String> problem) {
		bind(c, path, label, component, value, problem, () -> words(c, value.get()));
	}

	/** As above, with the value in words given by {@code text}. */
	<C extends Component & HasValidationProperties> void bind(JsonNode c, String path, String label, C component,
			Supplier<Object> value, Supplier<String> problem, Supplier<String> text) {
		String key = c.path("key").asText("");
		if (key.isBlank()) {
			unsupported.keyless(c);
			return;
		}
		boolean disabled = c.path("disabled").asBoolean();
		String named = label.isBlank() ? key : label;
		components.put(path + key, component);
		fields.add(new RenderedForm.Field() {
			@Override
			public String key() {
				return path + key;
			}

			@Override
			public Object value() {
				return value.get();
			}

			@Override
			public Optional<String> validate() {
				String message = disabled || hidden() ? null : problem.get();
				component.setInvalid(message != null);
				component.setErrorMessage(message == null ? null : named + " " + message);
				return Optional.ofNullable(message).map(m -> named + " " + m);
			}

			@Override
			public String label() {
				return named;
			}

			@Override
			public String text() {
				return text.get();
			}

			@Override
			public void markInvalid(String message) {
				component.setErrorMessage(message);
				component.setInvalid(true);
			}

			@Override
			public boolean hidden() {
				return HideConditions.hidden(component);
			}
		});
	}

	/** Adds a field bound elsewhere (a dynamic list). */
	void add(RenderedForm.Field field, Component component) {
		components.put(field.key(), component);
		fields.add(field);
	}

	/** The component bound to {@code key}, if any. */
	Optional<Component> component(String key) {
		return Optional.ofNullable(components.get(key));
	}

	/**
	 * A typed value in words: a tick as yes or no, a choice as its option's label, a date
	 * as its ISO date (UTC), several as a list; null for no value.
	 */
	static String words(JsonNode c, Object value) {
		if (value == null) {
			return null;
		}
		if (value instanceof Boolean tick) {
			return tick ? "yes" : "no";
		}
		if (value instanceof Collection<?> several) {
			return String.join(", ", several.stream().map(one -> words(c, one)).toList());
		}
		if (value instanceof Date date) {
			return "date".equals(c.path("subtype").asText("date"))
					? date.toInstant().atZone(ZoneOffset.UTC).toLocalDate().toString() : date.toInstant().toString();
		}
		for (JsonNode option : c.path("values")) {
			if (option.path("value").asText().equals(String.valueOf(value))) {
				return option.path("label").asText(String.valueOf(value));
			}
		}
		return String.valueOf(value);
	}

	/** The file pickers, in the order of the form. */
	List<FilePicker> pickers() {
		return pickers;
	}

	void picker(FilePicker picker) {
		pickers.add(picker);
	}

	private final List<FilePicker> pickers = new ArrayList<>();

	/** The bound inputs, in the order of the form. */
	List<RenderedForm.Field> fields() {
		return fields;
	}

	static Object text(String value) {
		return value == null || value.isEmpty() ? null : value;
	}

	static Object number(Double value, int decimals) {
		if (value == null) {
			return null;
		}
		return decimals == 0 ? (Object) Math.round(value) : value;
	}

	static Object list(Collection<String> selected) {
		return new ArrayList<>(selected);
	}

	static Object date(LocalDate value) {
		return value == null ? null : Date.from(value.atStartOfDay().toInstant(ZoneOffset.UTC));
	}

	static Object dateTime(LocalDateTime value) {
		return value == null ? null : Date.from(value.toInstant(ZoneOffset.UTC));
	}

	static Object time(LocalTime value) {
		return value == null ? null : value.toString();
	}

}
