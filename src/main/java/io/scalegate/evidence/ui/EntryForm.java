package io.scalegate.evidence.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import io.scalegate.base.InvalidInput;
import io.scalegate.base.ui.FieldErrors;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A form of named fields for one evidence entry. The names are the entry's field names,
 * so the service's {@link InvalidInput} lands beside the field it names; the checks
 * themselves live in the service, once, for the UI, the API and imports alike.
 */
final class EntryForm extends FormLayout {

	private final Map<String, Component> fields = new LinkedHashMap<>();

	TextField text(String name, String label) {
		return add(name, new TextField(label));
	}

	TextArea area(String name, String label) {
		TextArea area = add(name, new TextArea(label));
		setColspan(area, 2);
		return area;
	}

	IntegerField integer(String name, String label) {
		return add(name, new IntegerField(label));
	}

	BigDecimalField decimal(String name, String label) {
		return add(name, new BigDecimalField(label));
	}

	DatePicker date(String name, String label) {
		DatePicker picker = add(name, new DatePicker(label));
		picker.setI18n(new DatePicker.DatePickerI18n().setDateFormat("yyyy-MM-dd"));
		return picker;
	}

	<E extends Enum<E>> Select<E> choice(String name, String label, Class<E> type) {
		Select<E> select = add(name, new Select<>());
		select.setLabel(label);
		select.setItems(type.getEnumConstants());
		return select;
	}

	@SuppressWarnings("unchecked")
	<T> T value(String name) {
		return ((HasValue<?, T>) fields.get(name)).getValue();
	}

	@SuppressWarnings("unchecked")
	<T> void set(String name, T value) {
		((HasValue<?, T>) fields.get(name)).setValue(value);
	}

	/**
	 * Shows each problem beside its field; a problem without a field here becomes a
	 * notification.
	 */
	void show(InvalidInput invalid) {
		FieldErrors.show(invalid, validated());
	}

	void clearErrors() {
		FieldErrors.clear(validated());
	}

	private Map<String, HasValidation> validated() {
		Map<String, HasValidation> validated = new LinkedHashMap<>();
		fields.forEach((name, field) -> validated.put(name, (HasValidation) field));
		return validated;
	}

	private <C extends Component> C add(String name, C field) {
		field.setId("field-" + name);
		fields.put(name, field);
		add(field);
		return field;
	}

}
