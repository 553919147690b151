package io.scalegate.form;

import com.fasterxml.jackson.databind.JsonNode;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.HasValueAndElement;
import com.vaadin.flow.component.ItemLabelGenerator;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.shared.HasPrefix;
import com.vaadin.flow.component.shared.HasSuffix;
import com.vaadin.flow.component.shared.HasValidationProperties;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.timepicker.TimePicker;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Builds form-js's inputs as Vaadin fields: textfield, textarea, number, checkbox,
 * checklist, taglist, radio, select (a combo box when searchable) and datetime (date,
 * time, or both). Each gets its id ({@code field-<key>}), label, description, readonly,
 * disabled and required marks, is filled from {@link FormValues} and bound by
 * {@link FieldBinding} with its {@link FieldValidation} check.
 */
final class InputFields {

	private final FormValues values;

	private final FieldBinding binding;

	private final FileStore files;

	InputFields(FormValues values, FieldBinding binding, FileStore files) {
		this.values = values;
		this.binding = binding;
		this.files = files;
	}

	/**
	 * A file picker: its files stored when the task is signed, the variable their id(s).
	 */
	Component filePicker(JsonNode c, String path) {
		String key = c.path("key").asText(c.path("id").asText(""));
		FilePicker picker = new FilePicker(c, path + key, label(c), files);
		boolean required = c.path("validate").path("required").asBoolean();
		binding.bind(c, path, label(c), picker, picker::value,
				() -> required && picker.value() == null ? "is required" : null, picker::fileNames);
		binding.picker(picker);
		return picker;
	}

	/** Binds a field built elsewhere (a dynamic list). */
	void bind(DynamicList list) {
		binding.add(list, list.layout());
	}

	Component textField(JsonNode c, String path) {
		TextField field = new TextField(label(c));
		common(field, c);
		adorners(field, c);
		field.setValue(values.text(c, path));
		JsonNode v = c.path("validate");
		if (v.path("maxLength").isNumber()) {
			field.setMaxLength(v.path("maxLength").asInt());
		}
		binding.bind(c, path, label(c), field, () -> FieldBinding.text(field.getValue()),
				() -> FieldValidation.text(c, field.getValue()));
		return field;
	}

	Component textArea(JsonNode c, String path) {
		TextArea field = new TextArea(label(c));
		common(field, c);
		field.setWidthFull();
		field.setValue(values.text(c, path));
		binding.bind(c, path, label(c), field, () -> FieldBinding.text(field.getValue()),
				() -> FieldValidation.text(c, field.getValue()));
		return field;
	}

	Component number(JsonNode c, String path) {
		NumberField field = new NumberField(label(c));
		common(field, c);
		adorners(field, c);
		values.number(c, path).ifPresent(field::setValue);
		if (c.path("increment").isNumber()) {
			field.setStep(c.path("increment").asDouble());
		}
		int decimals = c.path("decimalDigits").asInt(-1);
		binding.bind(c, path, label(c), field, () -> FieldBinding.number(field.getValue(), decimals),
				() -> FieldValidation.number(c, field.getValue(), field.isInvalid(), decimals));
		return field;
	}

	Component checkbox(JsonNode c, String path) {
		Checkbox field = new Checkbox(label(c));
		common(field, c);
		field.setValue(values.ticked(c, path));
		binding.bind(c, path, label(c), field, field::getValue, () -> FieldValidation.ticked(c, field.getValue()));
		return field;
	}

	Component checklist(JsonNode c, String path) {
		CheckboxGroup<String> field = new CheckboxGroup<>(label(c));
		return multiSelect(field, c, path, field::setItems, field::setItemLabelGenerator);
	}

	Component taglist(JsonNode c, String path) {
		MultiSelectComboBox<String> field = new MultiSelectComboBox<>(label(c));
		return multiSelect(field, c, path, field::setItems, field::setItemLabelGenerator);
	}

	/** Checklist and taglist: several of the options, as a list of values. */
	private <C extends Component & HasValueAndElement<?, Set<String>> & HasValidationProperties> Component multiSelect(
			C field, JsonNode c, String path, Consumer<Collection<String>> items,
			Consumer<ItemLabelGenerator<String>> labels) {
		Map<String, String> options = values.options(c);
		common(field, c);
		items.accept(options.keySet());
		labels.accept(options::get);
		field.setValue(values.selection(c, path));
		binding.bind(c, path, label(c), field, () -> FieldBinding.list(field.getValue()),
				() -> FieldValidation.selection(c, field.getValue()));
		return field;
	}

	Component radio(JsonNode c, String path) {
		RadioButtonGroup<String> field = new RadioButtonGroup<>(label(c));
		return singleChoice(field, c, path, field::setItems, field::setItemLabelGenerator);
	}

	Component select(JsonNode c, String path) {
		if (c.path("searchable").asBoolean()) {
			ComboBox<String> field = new ComboBox<>(label(c));
			return singleChoice(field, c, path, field::setItems, field::setItemLabelGenerator);
		}
		Select<String> field = new Select<>();
		field.setLabel(label(c));
		field.setEmptySelectionAllowed(!FieldValidation.required(c));
		return singleChoice(field, c, path, field::setItems, field::setItemLabelGenerator);
	}

	/** Radio, select and searchable select: one of the options, as its value. */
	private <C extends Component & HasValueAndElement<?, String> & HasValidationProperties> Component singleChoice(
			C field, JsonNode c, String path, Consumer<Collection<String>> items,
			Consumer<ItemLabelGenerator<String>> labels) {
		Map<String, String> options = values.options(c);
		common(field, c);
		items.accept(options.keySet());
		labels.accept(value -> value == null ? "" : options.get(value));
		values.choice(c, path).filter(options::containsKey).ifPresent(field::setValue);
		binding.bind(c, path, label(c), field, field::getValue, () -> FieldValidation.choice(c, field.getValue()));
		return field;
	}

	Component datetime(JsonNode c, String path) {
		return switch (c.path("subtype").asText("date")) {
			case "time" -> time(c, path);
			case "datetime" -> dateTime(c, path);
			default -> date(c, path);
		};
	}

	private Component time(JsonNode c, String path) {
		TimePicker field = new TimePicker(c.path("timeLabel").asText(label(c)));
		common(field, c);
		if (c.has("timeInterval")) {
			field.setStep(Duration.ofMinutes(c.path("timeInterval").asLong()));
		}
		values.time(c, path).ifPresent(field::setValue);
		binding.bind(c, path, label(c), field, () -> FieldBinding.time(field.getValue()),
				() -> FieldValidation.picked(c, field.getValue(), field.isInvalid(), "a time"));
		return field;
	}

	private Component dateTime(JsonNode c, String path) {
		DateTimePicker field = new DateTimePicker(c.path("dateLabel").asText(label(c)));
		common(field, c);
		values.dateTime(c, path).ifPresent(field::setValue);
		binding.bind(c, path, label(c), field, () -> FieldBinding.dateTime(field.getValue()),
				() -> FieldValidation.picked(c, field.getValue(), field.isInvalid(), "a date and time"));
		return field;
	}

	private Component date(JsonNode c, String path) {
		DatePicker field = new DatePicker(c.path("dateLabel").asText(label(c)));
		common(field, c);
		values.date(c, path).ifPresent(field::setValue);
		binding.bind(c, path, label(c), field, () -> FieldBinding.date(field.getValue()),
				() -> FieldValidation.picked(c, field.getValue(), field.isInvalid(), "a date"));
		return field;
	}

	private <C extends Component & HasValueAndElement<?, ?>> void common(C field, JsonNode c) {
		field.setId("field-" + c.path("key").asText(c.path("id").asText("")));
		if (c.path("readonly").isBoolean()) { // a FEEL "readonly" is named as unsupported
												// and ignored
			field.setReadOnly(c.path("readonly").asBoolean());
		}
		if (c.path("disabled").asBoolean()) {
			field.getElement().setEnabled(false);
		}
		if (FieldValidation.required(c)) {
			field.setRequiredIndicatorVisible(true);
		}
		String description = c.path("description").asText("");
		if (!description.isBlank() && !description.startsWith("=")) {
			field.getElement().setProperty("helperText", values.template(description));
		}
		if (field instanceof HasSize sized && !(field instanceof Checkbox)) {
			sized.setWidthFull();
			sized.setMaxWidth("40em");
		}
	}

	private void adorners(Component field, JsonNode c) {
		String prefix = c.path("appearance").path("prefixAdorner").asText("");
		String suffix = c.path("appearance").path("suffixAdorner").asText("");
		if (!prefix.isBlank() && !prefix.startsWith("=") && field instanceof HasPrefix p) {
			p.setPrefixComponent(new Span(values.template(prefix)));
		}
		if (!suffix.isBlank() && !suffix.startsWith("=") && field instanceof HasSuffix s) {
			s.setSuffixComponent(new Span(values.template(suffix)));
		}
	}

	private static String label(JsonNode c) {
		return c.path("label").asText(c.path("dateLabel").asText(c.path("timeLabel").asText("")));
	}

}
