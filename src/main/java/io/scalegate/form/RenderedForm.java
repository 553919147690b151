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

		/** The input's label (its key when it has none). */
		String label();

		/**
		 * The value in words, as the person chose it: "yes" or "no" for a tick, an
		 * option's label for a choice; null when nothing is entered.
		 */
		String text();

		/** Marks the component with a message found elsewhere (the server, a rule). */
		void markInvalid(String message);

		/**
		 * Marks the input {@code key} names with {@code message}: this field, or one
		 * inside it (a dynamic list's {@code path[row].key}); false when it has none.
		 */
		default boolean markInvalid(String key, String message) {
			if (!key().equals(key)) {
				return false;
			}
			markInvalid(message);
			return true;
		}

		/**
		 * Whether the input is hidden (form-js's {@code conditional.hide}): then it is
		 * neither checked nor submitted.
		 */
		default boolean hidden() {
			return false;
		}

	}

	/** One input's label and its value in words, as the signer reads them. */
	public record Answer(String key, String label, String value) {
	}

	private final Component layout;

	private final List<Field> fields;

	private final Set<String> unsupported;

	private final List<FilePicker> pickers;

	private final FileStore files;

	RenderedForm(Component layout, List<Field> fields, Set<String> unsupported, List<FilePicker> pickers,
			FileStore files) {
		this.layout = layout;
		this.fields = List.copyOf(fields);
		this.unsupported = new LinkedHashSet<>(unsupported);
		this.pickers = List.copyOf(pickers);
		this.files = files;
	}

	/**
	 * Stores the files picked in the form's file pickers under the ids {@link #values()}
	 * gives their keys; called in the transaction that signs the task.
	 */
	public void storeFiles() {
		for (FilePicker picker : pickers) {
			picker.picked().forEach(files::store);
		}
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
	 * Each input with a value, in the order of the form: its label and value in words.
	 */
	public List<Answer> answers() {
		List<Answer> answers = new ArrayList<>();
		for (Field field : fields) {
			if (field.hidden()) {
				continue;
			}
			String text = field.text();
			if (text != null && !text.isBlank()) {
				answers.add(new Answer(field.key(), field.label(), text));
			}
		}
		return answers;
	}

	/**
	 * Shows {@code message} beside the input bound to {@code key}; false when the form
	 * has none.
	 */
	public boolean markInvalid(String key, String message) {
		return key != null && fields.stream().anyMatch(f -> f.markInvalid(key, message));
	}

	/**
	 * The values to complete the task with, typed: numbers as numbers, booleans as
	 * booleans, dates as {@link java.util.Date}, lists as lists; a dynamic list as a list
	 * of maps (a date inside as its ISO day text). A key with dots (or a group with a
	 * path) becomes a nested map. A hidden input is left out.
	 */
	public Map<String, Object> values() {
		Map<String, Object> values = new LinkedHashMap<>();
		for (Field field : fields) {
			if (field.hidden()) {
				continue;
			}
			FormValues.put(values, field.key(), field.value());
		}
		return values;
	}

}
