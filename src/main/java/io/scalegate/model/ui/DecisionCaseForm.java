package io.scalegate.model.ui;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaadin.flow.component.AbstractField;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasHelper;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.AbstractNumberField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.ValidationResult;
import io.scalegate.base.InvalidInput;
import io.scalegate.base.ui.FieldErrors;
import io.scalegate.model.cases.DecisionCase;
import io.scalegate.model.ui.DecisionVariables.Variable;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A decision test case as a form built from the decision: a field per variable it reads
 * (number fields for numbers, yes/no for booleans, the allowed values or text for
 * strings; empty is "not given", null), a field per output it must give (left empty: not
 * checked; a list for a COLLECT output). Stored as before: the inputs and the expected
 * outputs as JSON objects. Keys of a stored case the form has no field for are kept.
 */
class DecisionCaseForm extends Dialog {

	private static final ObjectMapper JSON = new ObjectMapper();

	/** Saves (case id or null, decision, name, inputs JSON, expected JSON). */
	interface Save {

		void save(Long id, String decisionKey, String name, String inputs, String expected);

	}

	private final String dmn;

	private final DecisionCase testCase;

	private final Select<String> decision = new Select<>();

	private final TextField name = new TextField("Name");

	private final VerticalLayout fields = new VerticalLayout();

	private final Map<String, HasValue<?, ?>> inputs = new LinkedHashMap<>();

	private final Map<String, HasValue<?, ?>> outputs = new LinkedHashMap<>();

	private DecisionVariables variables;

	DecisionCaseForm(String dmn, Set<String> decisions, DecisionCase testCase, Save save) {
		this.dmn = dmn;
		this.testCase = testCase;
		setId("case-dialog");
		setHeaderTitle(testCase == null ? "Add a decision test case" : "Change " + testCase.name());
		setWidth("720px");
		decision.setLabel("Decision");
		decision.setItems(decisions);
		decision.setId("case-decision");
		decision.setWidthFull();
		name.setId("case-name");
		name.setWidthFull();
		fields.setPadding(false);
		decision.addValueChangeListener(chosen -> showFields(chosen.getValue()));
		if (testCase != null) {
			decision.setValue(testCase.decisionKey());
			decision.setReadOnly(true);
			name.setValue(testCase.name());
		}
		add(new VerticalLayout(decision, name, fields));
		Button ok = new Button("Save case", click -> {
			FieldErrors.clear(errorFields());
			// a number the browser could not read (bad input) leaves the field empty:
			// saved,
			// it would silently become "not given"
			// (every such field is marked, not just the first)
			if (!Stream.concat(inputs.values().stream(), outputs.values().stream())
				.filter(DecisionCaseForm::unreadable)
				.toList()
				.isEmpty()) {
				return;
			}
			try {
				save.save(testCase == null ? null : testCase.id(), decision.getValue(), name.getValue(), inputsJson(),
						expectedJson());
				close();
			}
			catch (InvalidInput invalid) {
				FieldErrors.show(invalid, errorFields());
			}
		});
		ok.setId("case-save");
		ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		getFooter().add(new Button("Cancel", click -> close()), ok);
	}

	private void showFields(String decisionKey) {
		fields.removeAll();
		inputs.clear();
		outputs.clear();
		if (decisionKey == null) {
			return;
		}
		variables = DecisionVariables.of(dmn, decisionKey);
		JsonNode storedInputs = stored(testCase == null ? null : testCase.inputs());
		JsonNode storedExpected = stored(testCase == null ? null : testCase.expected());
		FormLayout given = new FormLayout();
		given.setId("case-inputs");
		for (Variable variable : variables.inputs()) {
			HasValue<?, ?> field = field(variable, "case-input-");
			fill(field, variable, storedInputs.get(variable.name()));
			inputs.put(variable.name(), field);
			given.add((Component) field);
		}
		FormLayout expected = new FormLayout();
		expected.setId("case-expected");
		for (Variable variable : variables.outputs()) {
			HasValue<?, ?> field = field(variable, "case-expected-");
			fill(field, variable, storedExpected.get(variable.name()));
			outputs.put(variable.name(), field);
			expected.add((Component) field);
		}
		fields.add(new H4("Inputs (empty: not given)"), given,
				new H4("Expected outputs (empty: not checked" + (variables.outputs().stream().anyMatch(Variable::list)
						? "; choose every reason the decision must collect)" : ")")),
				expected);
	}

	private static HasValue<?, ?> field(Variable variable, String idPrefix) {
		String label = variable.label();
		AbstractField<?, ?> field;
		if (variable.list()) {
			MultiSelectComboBox<String> values = new MultiSelectComboBox<>(label);
			values.setItems(variable.allowed());
			values.setAllowCustomValue(variable.allowed().isEmpty());
			field = values;
		}
		else if (variable.integer()) {
			IntegerField number = new IntegerField(label);
			number.setStepButtonsVisible(false);
			number.setI18n(
					new IntegerField.IntegerFieldI18n().setBadInputErrorMessage(label + " must be a whole number"));
			field = number;
		}
		else if (variable.number()) {
			NumberField number = new NumberField(label);
			number.setI18n(new NumberField.NumberFieldI18n().setBadInputErrorMessage(label + " must be a number"));
			field = number;
		}
		else if (variable.bool()) {
			Select<String> yesNo = new Select<>();
			yesNo.setLabel(label);
			yesNo.setItems("true", "false");
			yesNo.setItemLabelGenerator(value -> value == null ? "not given" : "true".equals(value) ? "yes" : "no");
			yesNo.setEmptySelectionAllowed(true);
			yesNo.setEmptySelectionCaption("not given");
			field = yesNo;
		}
		else if (!variable.allowed().isEmpty()) {
			Select<String> values = new Select<>();
			values.setLabel(label);
			values.setItems(variable.allowed());
			values.setEmptySelectionAllowed(true);
			values.setEmptySelectionCaption("not given");
			field = values;
		}
		else {
			field = new TextField(label);
		}
		field.setId(idPrefix + variable.name());
		if (!variable.label().equals(variable.name())) {
			((HasHelper) field).setHelperText(variable.name());
		}
		((HasSize) field).setWidthFull();
		return field;
	}

	@SuppressWarnings("unchecked")
	private static void fill(HasValue<?, ?> field, Variable variable, JsonNode value) {
		if (value == null || value.isNull()) {
			return;
		}
		if (field instanceof MultiSelectComboBox<?> values) {
			Set<String> chosen = new LinkedHashSet<>();
			(value.isArray() ? value : JSON.createArrayNode().add(value)).forEach(item -> chosen.add(item.asText()));
			((MultiSelectComboBox<String>) values).setValue(chosen);
		}
		else if (field instanceof IntegerField number) {
			number.setValue(value.asInt());
		}
		else if (field instanceof NumberField number) {
			number.setValue(value.asDouble());
		}
		else {
			((HasValue<?, String>) field).setValue(value.asText());
		}
	}

	private String inputsJson() {
		if (variables == null) {
			return "{}";
		}
		ObjectNode json = kept(testCase == null ? null : testCase.inputs());
		for (Variable variable : variables.inputs()) {
			JsonNode value = value(inputs.get(variable.name()), variable);
			json.set(variable.name(), value == null ? JSON.nullNode() : value);
		}
		return json.toString();
	}

	private String expectedJson() {
		if (variables == null) {
			return "{}";
		}
		ObjectNode json = kept(testCase == null ? null : testCase.expected());
		for (Variable variable : variables.outputs()) {
			JsonNode value = value(outputs.get(variable.name()), variable);
			if (value == null) {
				json.remove(variable.name());
			}
			else {
				json.set(variable.name(), value);
			}
		}
		return json.toString();
	}

	/** The field's value as JSON; null when left empty. */
	private static JsonNode value(HasValue<?, ?> field, Variable variable) {
		if (field.isEmpty()) {
			return null;
		}
		Object value = field.getValue();
		if (value instanceof Set<?> chosen) {
			ArrayNode list = JSON.createArrayNode();
			chosen.forEach(item -> list.add(String.valueOf(item)));
			return list;
		}
		if (value instanceof Integer number) {
			return JSON.getNodeFactory().numberNode(number);
		}
		if (value instanceof Double number) {
			return JSON.getNodeFactory().numberNode(number);
		}
		if (variable.bool()) {
			return JSON.getNodeFactory().booleanNode(Boolean.parseBoolean(String.valueOf(value)));
		}
		return JSON.getNodeFactory().textNode(String.valueOf(value));
	}

	/** The stored object (a case's keys the form has no field for are kept). */
	private static ObjectNode kept(String stored) {
		JsonNode node = stored(stored);
		return node instanceof ObjectNode object ? object.deepCopy() : JSON.createObjectNode();
	}

	private static JsonNode stored(String text) {
		if (text == null) {
			return JSON.createObjectNode();
		}
		try {
			return JSON.readTree(text);
		}
		catch (JsonProcessingException unreadable) {
			return JSON.createObjectNode();
		}
	}

	/**
	 * The field that answers for each checked part: the first input and expected output
	 * stand for "inputs" and "expected".
	 */
	/**
	 * A number field holding text the browser could not read; marked with its message.
	 */
	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static boolean unreadable(HasValue<?, ?> field) {
		if (!(field instanceof AbstractNumberField number)) {
			return false;
		}
		ValidationResult result = number.getDefaultValidator().apply(number.getValue(), null);
		if (result.isError()) {
			number.setErrorMessage(result.getErrorMessage());
			number.setInvalid(true);
		}
		return result.isError();
	}

	private Map<String, HasValidation> errorFields() {
		Map<String, HasValidation> errors = new HashMap<>();
		errors.put("decisionKey", decision);
		errors.put("name", name);
		firstOf(inputs.values()).ifPresent(field -> errors.put("inputs", field));
		firstOf(outputs.values()).ifPresent(field -> errors.put("expected", field));
		return errors;
	}

	private static Optional<HasValidation> firstOf(Collection<HasValue<?, ?>> fields) {
		return fields.stream().filter(HasValidation.class::isInstance).map(HasValidation.class::cast).findFirst();
	}

}
