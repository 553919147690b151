package io.scalegate.form;

import com.fasterxml.jackson.databind.JsonNode;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.HasValueAndElement;
import com.vaadin.flow.component.ItemLabelGenerator;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Hr;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.markdown.Markdown;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.shared.HasPrefix;
import com.vaadin.flow.component.shared.HasSuffix;
import com.vaadin.flow.component.shared.HasValidationProperties;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.timepicker.TimePicker;
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
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Renders a Camunda Form (the form-js schema Camunda Modeler writes) as native Vaadin
 * components bound to the task's variables: textfield, textarea, number, checkbox,
 * checklist, radio, select, taglist, datetime, text (Markdown with {@code {{variable}}}
 * templates), group (with path), columns, separator, spacer and image; validation:
 * required, min/max, minLength/maxLength, pattern. Submit and reset buttons are
 * ScaleGate's own sign-and-complete action. Anything else (FEEL expressions, html,
 * dynamic lists, file pickers, ...) is shown as a notice naming it and listed in
 * {@link RenderedForm#unsupported()}; nothing is dropped silently.
 */
public final class FormRenderer {

	private static final Pattern TEMPLATE = Pattern.compile("\\{\\{\\s*([A-Za-z_][\\w.]*)\\s*}}");

	private final Map<String, Object> variables;

	private final List<RenderedForm.Field> fields = new ArrayList<>();

	private final Set<String> unsupported = new LinkedHashSet<>();

	private FormRenderer(Map<String, Object> variables) {
		this.variables = variables == null ? Map.of() : variables;
	}

	/**
	 * Renders {@code schema}, filling fields from {@code variables} (or their default
	 * values).
	 */
	public static RenderedForm render(JsonNode schema, Map<String, Object> variables) {
		FormRenderer renderer = new FormRenderer(variables);
		VerticalLayout layout = new VerticalLayout();
		layout.setPadding(false);
		layout.setId("camunda-form");
		renderer.addAll(layout, schema.path("components"), "");
		if (!renderer.unsupported.isEmpty()) {
			Div summary = new Div(new Span("This form uses what ScaleGate cannot show here: "
					+ String.join("; ", renderer.unsupported) + ". The rest works as usual."));
			summary.setId("form-unsupported");
			summary.getElement().getThemeList().add("badge warning");
			summary.getStyle().set("white-space", "normal").set("padding", "var(--lumo-space-s)");
			layout.addComponentAsFirst(summary);
		}
		return new RenderedForm(layout, renderer.fields, renderer.unsupported);
	}

	private void addAll(HasOrderedComponents container, JsonNode components, String path) {
		for (JsonNode component : components) {
			Component rendered = component(component, path);
			if (rendered != null) {
				container.add(rendered);
			}
		}
	}

	/** Vaadin's VerticalLayout and HorizontalLayout, as one type. */
	private interface HasOrderedComponents {

		void add(Component component);

	}

	private void addAll(VerticalLayout layout, JsonNode components, String path) {
		addAll((HasOrderedComponents) layout::add, components, path);
	}

	private Component component(JsonNode c, String path) {
		String type = c.path("type").asText("");
		expressionFeatures(c);
		return switch (type) {
			case "textfield" -> textField(c, path);
			case "textarea" -> textArea(c, path);
			case "number" -> number(c, path);
			case "checkbox" -> checkbox(c, path);
			case "checklist" -> checklist(c, path);
			case "radio" -> radio(c, path);
			case "select" -> select(c, path);
			case "taglist" -> taglist(c, path);
			case "datetime" -> datetime(c, path);
			case "text" -> text(c);
			case "group" -> group(c, path);
			case "columns" -> columns(c, path);
			case "default" -> column(c, path);
			case "separator" -> new Hr();
			case "spacer" -> spacer(c);
			case "image" -> image(c);
			case "button" -> null; // ScaleGate's own "Sign and complete" replaces the
									// form's buttons
			default -> notice("component type \"" + type + "\"");
		};
	}

	/**
	 * Any attribute written as a FEEL expression ("=…", e.g. {@code conditional.hide},
	 * {@code readonly}, {@code validate.min}) is evaluated by form-js in the browser;
	 * ScaleGate does not evaluate FEEL in forms, so each one is named, and the attribute
	 * is ignored (validation keeps only literal limits).
	 */
	private void expressionFeatures(JsonNode c) {
		c.fields().forEachRemaining(field -> {
			if (!field.getKey().equals("components")) {
				expressions(c, field.getKey(), field.getValue());
			}
		});
	}

	private void expressions(JsonNode c, String attribute, JsonNode value) {
		if (value.isTextual() && value.asText().startsWith("=")) {
			unsupported.add("FEEL expression in \"" + attribute + "\" of " + name(c));
		}
		else if (value.isObject()) {
			value.fields().forEachRemaining(f -> expressions(c, attribute + "." + f.getKey(), f.getValue()));
		}
	}

	private static String name(JsonNode c) {
		String key = c.path("key").asText(c.path("id").asText(""));
		return c.path("type").asText("component") + (key.isEmpty() ? "" : " \"" + key + "\"");
	}

	private Span notice(String what) {
		unsupported.add(what);
		Span notice = new Span(
				"Not supported by ScaleGate's form renderer: " + what + ". Ask a process owner to change the form.");
		notice.getElement().getThemeList().add("badge warning");
		notice.addClassName("unsupported-form-component");
		return notice;
	}

	// --- inputs
	// ------------------------------------------------------------------------------------------

	private Component textField(JsonNode c, String path) {
		TextField field = new TextField(label(c));
		common(field, c);
		adorners(field, c);
		field.setValue(asText(initial(c, path)));
		JsonNode v = c.path("validate");
		if (v.path("maxLength").isNumber()) {
			field.setMaxLength(v.path("maxLength").asInt());
		}
		bind(c, path, field, () -> emptyToNull(field.getValue()), () -> textProblem(c, field.getValue()));
		return field;
	}

	private Component textArea(JsonNode c, String path) {
		TextArea field = new TextArea(label(c));
		common(field, c);
		field.setWidthFull();
		field.setValue(asText(initial(c, path)));
		bind(c, path, field, () -> emptyToNull(field.getValue()), () -> textProblem(c, field.getValue()));
		return field;
	}

	private Component number(JsonNode c, String path) {
		NumberField field = new NumberField(label(c));
		common(field, c);
		adorners(field, c);
		Object initial = initial(c, path);
		if (initial instanceof Number n) {
			field.setValue(n.doubleValue());
		}
		else if (initial != null && !asText(initial).isBlank()) {
			try {
				field.setValue(Double.valueOf(asText(initial)));
			}
			catch (NumberFormatException ignored) {
				// left empty: the person enters a number
			}
		}
		JsonNode v = c.path("validate");
		if (c.path("increment").isNumber()) {
			field.setStep(c.path("increment").asDouble());
		}
		int decimals = c.path("decimalDigits").asInt(-1);
		bind(c, path, field, () -> typedNumber(field.getValue(), decimals), () -> {
			Double value = field.getValue();
			if (value == null) {
				return field.isInvalid() ? "is not a number" : v.path("required").asBoolean() ? "is required" : null;
			}
			if (v.path("min").isNumber() && value < v.path("min").asDouble()) {
				return "must be at least " + plain(v.path("min").asDouble());
			}
			if (v.path("max").isNumber() && value > v.path("max").asDouble()) {
				return "must be at most " + plain(v.path("max").asDouble());
			}
			if (decimals == 0 && value != Math.rint(value)) {
				return "must be a whole number";
			}
			return null;
		});
		return field;
	}

	private Component checkbox(JsonNode c, String path) {
		Checkbox field = new Checkbox(label(c));
		common(field, c);
		Object initial = initial(c, path);
		field.setValue(initial instanceof Boolean b ? b : Boolean.parseBoolean(asText(initial)));
		bind(c, path, field, field::getValue,
				() -> c.path("validate").path("required").asBoolean() && !field.getValue() ? "must be ticked" : null);
		return field;
	}

	private Component checklist(JsonNode c, String path) {
		CheckboxGroup<String> field = new CheckboxGroup<>(label(c));
		return multiSelect(field, c, path, field::setItems, field::setItemLabelGenerator);
	}

	private Component taglist(JsonNode c, String path) {
		MultiSelectComboBox<String> field = new MultiSelectComboBox<>(label(c));
		return multiSelect(field, c, path, field::setItems, field::setItemLabelGenerator);
	}

	/** Checklist and taglist: several of the options, as a list of values. */
	private <C extends Component & HasValueAndElement<?, Set<String>> & HasValidationProperties> Component multiSelect(
			C field, JsonNode c, String path, Consumer<Collection<String>> items,
			Consumer<ItemLabelGenerator<String>> labels) {
		Map<String, String> options = options(c);
		common(field, c);
		items.accept(options.keySet());
		labels.accept(options::get);
		field.setValue(new LinkedHashSet<>(asList(initial(c, path))));
		bind(c, path, field, () -> new ArrayList<>(field.getValue()), () -> requiredSelection(c, field.getValue()));
		return field;
	}

	private Component radio(JsonNode c, String path) {
		RadioButtonGroup<String> field = new RadioButtonGroup<>(label(c));
		return singleChoice(field, c, path, field::setItems, field::setItemLabelGenerator);
	}

	private Component select(JsonNode c, String path) {
		if (c.path("searchable").asBoolean()) {
			ComboBox<String> field = new ComboBox<>(label(c));
			return singleChoice(field, c, path, field::setItems, field::setItemLabelGenerator);
		}
		Select<String> field = new Select<>();
		field.setLabel(label(c));
		field.setEmptySelectionAllowed(!c.path("validate").path("required").asBoolean());
		return singleChoice(field, c, path, field::setItems, field::setItemLabelGenerator);
	}

	/** Radio, select and searchable select: one of the options, as its value. */
	private <C extends Component & HasValueAndElement<?, String> & HasValidationProperties> Component singleChoice(
			C field, JsonNode c, String path, Consumer<Collection<String>> items,
			Consumer<ItemLabelGenerator<String>> labels) {
		Map<String, String> options = options(c);
		common(field, c);
		items.accept(options.keySet());
		labels.accept(value -> value == null ? "" : options.get(value));
		select(field, options, initial(c, path));
		bind(c, path, field, field::getValue, () -> requiredValue(c, field.getValue()));
		return field;
	}

	private Component datetime(JsonNode c, String path) {
		String subtype = c.path("subtype").asText("date");
		boolean required = c.path("validate").path("required").asBoolean();
		Object initial = initial(c, path);
		switch (subtype) {
			case "time" -> {
				TimePicker field = new TimePicker(c.path("timeLabel").asText(label(c)));
				common(field, c);
				if (c.has("timeInterval")) {
					field.setStep(java.time.Duration.ofMinutes(c.path("timeInterval").asLong()));
				}
				parse(() -> LocalTime.parse(asText(initial).replace("Z", ""))).ifPresent(field::setValue);
				bind(c, path, field, () -> field.getValue() == null ? null : field.getValue().toString(),
						() -> field.isInvalid() ? "is not a time"
								: required && field.getValue() == null ? "is required" : null);
				return field;
			}
			case "datetime" -> {
				DateTimePicker field = new DateTimePicker(c.path("dateLabel").asText(label(c)));
				common(field, c);
				if (initial instanceof Date date) {
					field.setValue(LocalDateTime.ofInstant(date.toInstant(), ZoneOffset.UTC));
				}
				else {
					parse(() -> LocalDateTime.parse(asText(initial).replace("Z", ""))).ifPresent(field::setValue);
				}
				bind(c, path, field,
						() -> field.getValue() == null ? null : Date.from(field.getValue().toInstant(ZoneOffset.UTC)),
						() -> field.isInvalid() ? "is not a date and time"
								: required && field.getValue() == null ? "is required" : null);
				return field;
			}
			default -> {
				DatePicker field = new DatePicker(c.path("dateLabel").asText(label(c)));
				common(field, c);
				if (initial instanceof Date date) {
					field.setValue(LocalDate.ofInstant(date.toInstant(), ZoneOffset.UTC));
				}
				else {
					parse(() -> LocalDate.parse(asText(initial))).ifPresent(field::setValue);
				}
				bind(c, path, field,
						() -> field.getValue() == null ? null
								: Date.from(field.getValue().atStartOfDay().toInstant(ZoneOffset.UTC)),
						() -> field.isInvalid() ? "is not a date"
								: required && field.getValue() == null ? "is required" : null);
				return field;
			}
		}
	}

	// --- presentation
	// ------------------------------------------------------------------------------------

	private Component text(JsonNode c) {
		String text = c.path("text").asText("");
		if (text.startsWith("=")) {
			return notice("FEEL expression in the text of " + name(c));
		}
		Markdown markdown = new Markdown(template(text));
		markdown.setWidthFull();
		return markdown;
	}

	private Component group(JsonNode c, String path) {
		VerticalLayout group = new VerticalLayout();
		group.addClassName("form-group");
		group.setPadding(c.path("showOutline").asBoolean(true));
		if (c.path("showOutline").asBoolean(true)) {
			group.getStyle()
				.set("border", "1px solid var(--lumo-contrast-20pct)")
				.set("border-radius", "var(--lumo-border-radius-m)");
		}
		if (!c.path("label").asText("").isBlank()) {
			group.add(new H4(c.path("label").asText()));
		}
		String groupPath = c.path("path").asText("");
		addAll(group, c.path("components"), groupPath.isBlank() ? path : path + groupPath + ".");
		return group;
	}

	private Component columns(JsonNode c, String path) {
		HorizontalLayout row = new HorizontalLayout();
		row.setWidthFull();
		row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.START);
		addAll((HasOrderedComponents) row::add, c.path("components"), path);
		return row;
	}

	private Component column(JsonNode c, String path) {
		VerticalLayout column = new VerticalLayout();
		column.setPadding(false);
		addAll(column, c.path("components"), path);
		return column;
	}

	private Component spacer(JsonNode c) {
		Div spacer = new Div();
		spacer.setHeight(c.path("height").asInt(60) + "px");
		return spacer;
	}

	private Component image(JsonNode c) {
		String source = c.path("source").asText("");
		String alt = c.path("alt").asText("");
		if (source.startsWith("=") || alt.startsWith("=")) {
			return notice("FEEL expression in \"" + (source.startsWith("=") ? "source" : "alt") + "\" of " + name(c));
		}
		if (source.isBlank()) {
			return notice("image without a source (" + name(c) + ")");
		}
		return new Image(template(source), template(alt));
	}

	// --- helpers
	// -------------------------------------------------------------------------------------------

	private <C extends Component & HasValueAndElement<?, ?>> void common(C field, JsonNode c) {
		field.setId("field-" + c.path("key").asText(c.path("id").asText("")));
		if (c.path("readonly").isBoolean()) { // a FEEL "readonly" is named as unsupported
												// and ignored
			field.setReadOnly(c.path("readonly").asBoolean());
		}
		if (c.path("disabled").asBoolean()) {
			field.getElement().setEnabled(false);
		}
		if (c.path("validate").path("required").asBoolean()) {
			field.setRequiredIndicatorVisible(true);
		}
		String description = c.path("description").asText("");
		if (!description.isBlank() && !description.startsWith("=")) {
			field.getElement().setProperty("helperText", template(description));
		}
		if (field instanceof com.vaadin.flow.component.HasSize sized && !(field instanceof Checkbox)) {
			sized.setWidthFull();
			sized.setMaxWidth("40em");
		}
	}

	private void adorners(Component field, JsonNode c) {
		String prefix = c.path("appearance").path("prefixAdorner").asText("");
		String suffix = c.path("appearance").path("suffixAdorner").asText("");
		if (!prefix.isBlank() && !prefix.startsWith("=") && field instanceof HasPrefix p) {
			p.setPrefixComponent(new Span(template(prefix)));
		}
		if (!suffix.isBlank() && !suffix.startsWith("=") && field instanceof HasSuffix s) {
			s.setSuffixComponent(new Span(template(suffix)));
		}
	}

	private <C extends Component & HasValidationProperties> void bind(JsonNode c, String path, C component,
			Supplier<Object> value, Supplier<String> problem) {
		String key = c.path("key").asText("");
		if (key.isBlank()) {
			unsupported.add(name(c) + " without a key");
			return;
		}
		boolean disabled = c.path("disabled").asBoolean();
		String label = label(c).isBlank() ? key : label(c);
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
				String message = disabled ? null : problem.get();
				component.setInvalid(message != null);
				component.setErrorMessage(message == null ? null : label + " " + message);
				return Optional.ofNullable(message).map(m -> label + " " + m);
			}
		});
	}

	private String textProblem(JsonNode c, String value) {
		JsonNode v = c.path("validate");
		String text = value == null ? "" : value;
		if (text.isBlank()) {
			return v.path("required").asBoolean() ? "is required" : null;
		}
		if (v.path("minLength").isNumber() && text.length() < v.path("minLength").asInt()) {
			return "must have at least " + v.path("minLength").asInt() + " characters";
		}
		if (v.path("maxLength").isNumber() && text.length() > v.path("maxLength").asInt()) {
			return "must have at most " + v.path("maxLength").asInt() + " characters";
		}
		if (v.path("pattern").isTextual() && !v.path("pattern").asText().startsWith("=")) {
			try {
				if (!Pattern.compile(v.path("pattern").asText()).matcher(text).matches()) {
					return "must match the pattern " + v.path("pattern").asText();
				}
			}
			catch (PatternSyntaxException badPattern) {
				return "cannot be checked: the form's pattern is not a valid regular expression";
			}
		}
		return null;
	}

	private static String requiredValue(JsonNode c, Object value) {
		return c.path("validate").path("required").asBoolean() && value == null ? "is required" : null;
	}

	private static String requiredSelection(JsonNode c, Collection<?> value) {
		return c.path("validate").path("required").asBoolean() && value.isEmpty() ? "needs at least one choice" : null;
	}

	/**
	 * Static values, or values from the variable named by {@code valuesKey}: value →
	 * label.
	 */
	private Map<String, String> options(JsonNode c) {
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

	private static <T> void select(HasValue<?, T> field, Map<String, String> options, Object initial) {
		@SuppressWarnings("unchecked")
		T value = (T) (initial == null ? null : String.valueOf(initial));
		if (value != null && options.containsKey(value)) {
			field.setValue(value);
		}
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

	private String template(String text) {
		Matcher matcher = TEMPLATE.matcher(text);
		StringBuilder result = new StringBuilder();
		while (matcher.find()) {
			Object value = lookup(matcher.group(1));
			matcher.appendReplacement(result, Matcher.quoteReplacement(value == null ? "" : String.valueOf(value)));
		}
		matcher.appendTail(result);
		return result.toString();
	}

	private static String label(JsonNode c) {
		return c.path("label").asText(c.path("dateLabel").asText(c.path("timeLabel").asText("")));
	}

	private static String asText(Object value) {
		return value == null ? "" : String.valueOf(value);
	}

	private static String emptyToNull(String value) {
		return value == null || value.isEmpty() ? null : value;
	}

	private static List<String> asList(Object value) {
		if (value instanceof Collection<?> items) {
			return items.stream().map(String::valueOf).toList();
		}
		return value == null ? List.of() : List.of(String.valueOf(value));
	}

	/** A whole number ({@code decimalDigits: 0}) as Long, any other number as Double. */
	private static Object typedNumber(Double value, int decimals) {
		if (value == null) {
			return null;
		}
		return decimals == 0 ? (Object) Math.round(value) : value;
	}

	private static String plain(double number) {
		return number == Math.rint(number) ? String.valueOf((long) number) : String.valueOf(number);
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
