package io.scalegate.form;

import com.vaadin.flow.component.Component;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A Camunda Form rendered as Vaadin components: its layout, its typed values and its
 * validation.
 */
public final class RenderedForm {

	/** One input of the form, bound to a variable. */
	interface Field {

		String key();

		Object value();

		/**
		 * Checks the value, marks the component and returns the message when it is not
		 * valid.
		 */
		Optional<String> validate();

	}

	private final Component layout;

	private final List<Field> fields;

	private final Set<String> unsupported;

	RenderedForm(Component layout, List<Field> fields, Set<String> unsupported) {
		this.layout = layout;
		this.fields = List.copyOf(fields);
		this.unsupported = new LinkedHashSet<>(unsupported);
	}

	public Component layout() {
		return layout;
	}

	/**
	 * Component types and features this renderer does not support, each named, in order
	 * of appearance.
	 */
	public Set<String> unsupported() {
		return Set.copyOf(unsupported);
	}

	public List<String> keys() {
		return fields.stream().map(Field::key).toList();
	}

	/**
	 * Validates every field; returns the messages ("Label: what is wrong"), empty when
	 * all are valid.
	 */
	public List<String> validate() {
		List<String> problems = new ArrayList<>();
		for (Field field : fields) {
			field.validate().ifPresent(problems::add);
		}
		return problems;
	}

	/**
	 * The values to complete the task with, typed: numbers as numbers, booleans as
	 * booleans, dates as {@link java.util.Date}, lists as lists. A key with dots (or a
	 * group with a path) becomes a nested map.
	 */
	public Map<String, Object> values() {
		Map<String, Object> values = new LinkedHashMap<>();
		for (Field field : fields) {
			FormValues.put(values, field.key(), field.value());
		}
		return values;
	}

}
