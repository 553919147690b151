package io.scalegate.form;

import com.fasterxml.jackson.databind.JsonNode;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * form-js's {@code dynamiclist}: rows of the same inputs under one {@code path}, as many
 * as the variable holds (else {@code defaultRepetitions}), with "Add" and "Remove" when
 * {@code allowAddRemove}. Each row's inputs are typed and checked like any other; the
 * list is submitted as the variable {@code path}: a list of maps, one per row, a date as
 * its ISO day text (form-js's own value; a list is stored as JSON). A problem found
 * elsewhere names a row's input as {@code path[row].key}, rows counted from 0. Ids:
 * {@code field-<path>-<row>-<key>}, the add button {@code add-<path>}, a row's remove
 * button {@code remove-<path>-<row>}.
 */
final class DynamicList implements RenderedForm.Field {

	private static final Pattern ROW_KEY = Pattern.compile("^(.+)\\[(\\d+)]\\.(.+)$");

	/** One row: its layout and its bound inputs. */
	private record Row(HorizontalLayout layout, FieldBinding binding, Button remove) {
	}

	private final JsonNode c;

	private final String key;

	private final String label;

	private final UnsupportedFeatures unsupported;

	private final VerticalLayout layout = new VerticalLayout();

	private final VerticalLayout rowsLayout = new VerticalLayout();

	private final Span error = new Span();

	private final List<Row> rows = new ArrayList<>();

	DynamicList(JsonNode c, String path, FormValues values, UnsupportedFeatures unsupported) {
		this.c = c;
		this.key = path + c.path("path").asText("");
		this.label = c.path("label").asText("").isBlank() ? key : c.path("label").asText();
		this.unsupported = unsupported;
		layout.setPadding(c.path("showOutline").asBoolean(true));
		layout.addClassName("form-dynamic-list");
		layout.setId("field-" + key);
		if (c.path("showOutline").asBoolean(true)) {
			layout.getStyle()
				.set("border", "1px solid var(--lumo-contrast-20pct)")
				.set("border-radius", "var(--lumo-border-radius-m)");
		}
		if (!c.path("label").asText("").isBlank()) {
			layout.add(new H4(c.path("label").asText()));
		}
		String description = c.path("description").asText("");
		if (!description.isBlank() && !description.startsWith("=")) {
			Span help = new Span(values.template(description));
			help.getStyle().set("color", "var(--lumo-secondary-text-color)");
			layout.add(help);
		}
		rowsLayout.setPadding(false);
		layout.add(rowsLayout);
		error.setId("error-" + key);
		error.getStyle().set("color", "var(--lumo-error-text-color)");
		error.setVisible(false);
		layout.add(error);
		Object initial = values.value(key);
		if (initial instanceof Collection<?> given) {
			given.forEach(row -> addRow(row instanceof Map<?, ?> map ? map : Map.of()));
		}
		else {
			int repetitions = c.path("isRepeating").asBoolean(true) ? c.path("defaultRepetitions").asInt(1) : 1;
			for (int i = 0; i < repetitions; i++) {
				addRow(Map.of());
			}
		}
		if (allowAddRemove()) {
			Button add = new Button("Add " + singular(), click -> addRow(Map.of()));
			add.setId("add-" + key);
			add.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
			layout.add(add);
		}
	}

	Component layout() {
		return layout;
	}

	private boolean allowAddRemove() {
		return c.path("isRepeating").asBoolean(true) && c.path("allowAddRemove").asBoolean(false);
	}

	private String singular() {
		String words = label.toLowerCase(java.util.Locale.ROOT);
		return words.endsWith("s") ? words.substring(0, words.length() - 1) : "row";
	}

	private void addRow(Map<?, ?> initial) {
		@SuppressWarnings("unchecked")
		FormValues rowValues = new FormValues((Map<String, Object>) (Map<?, ?>) new LinkedHashMap<>(initial));
		FieldBinding binding = new FieldBinding(unsupported);
		HideConditions hides = new HideConditions();
		FormComponents components = new FormComponents(new InputFields(rowValues, binding, FileStore.NONE), rowValues,
				unsupported, hides);
		HorizontalLayout rowLayout = new HorizontalLayout();
		rowLayout.setWidthFull();
		rowLayout.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
		rowLayout.getStyle().set("flex-wrap", "wrap");
		rowLayout.addClassName("form-dynamic-list-row");
		components.addAll(rowLayout, c.path("components"), "");
		hides.wire(binding);
		Button remove = new Button("Remove");
		remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
		remove.setVisible(allowAddRemove());
		rowLayout.add(remove);
		Row row = new Row(rowLayout, binding, remove);
		remove.addClickListener(click -> {
			rows.remove(row);
			rowsLayout.remove(rowLayout);
			renumber();
		});
		rows.add(row);
		rowsLayout.add(rowLayout);
		renumber();
	}

	/** Gives each row's inputs and remove button the ids of its current position. */
	private void renumber() {
		for (int i = 0; i < rows.size(); i++) {
			Row row = rows.get(i);
			row.remove().setId("remove-" + key + "-" + i);
			for (RenderedForm.Field field : row.binding().fields()) {
				int at = i;
				row.binding()
					.component(field.key())
					.ifPresent(input -> input.setId("field-" + key + "-" + at + "-" + field.key()));
			}
		}
	}

	@Override
	public String key() {
		return key;
	}

	@Override
	public Object value() {
		List<Map<String, Object>> list = new ArrayList<>();
		for (Row row : rows) {
			Map<String, Object> values = new LinkedHashMap<>();
			for (RenderedForm.Field field : row.binding().fields()) {
				if (!field.hidden()) {
					FormValues.put(values, field.key(), inList(field.value()));
				}
			}
			list.add(values);
		}
		return list;
	}

	/** A date in a list is its ISO day text; a date and time its ISO instant. */
	private static Object inList(Object value) {
		if (value instanceof Date date) {
			return date.toInstant().atZone(ZoneOffset.UTC).toLocalTime().equals(java.time.LocalTime.MIDNIGHT)
					? date.toInstant().atZone(ZoneOffset.UTC).toLocalDate().toString() : date.toInstant().toString();
		}
		return value;
	}

	@Override
	public Optional<String> validate() {
		error.setVisible(false);
		if (hidden()) {
			return Optional.empty();
		}
		List<String> problems = new ArrayList<>();
		for (int i = 0; i < rows.size(); i++) {
			for (RenderedForm.Field field : rows.get(i).binding().fields()) {
				int row = i + 1;
				field.validate().ifPresent(problem -> problems.add(label + " " + row + ": " + problem));
			}
		}
		return problems.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", problems));
	}

	@Override
	public String label() {
		return label;
	}

	@Override
	public String text() {
		List<String> lines = new ArrayList<>();
		for (int i = 0; i < rows.size(); i++) {
			List<String> parts = new ArrayList<>();
			for (RenderedForm.Field field : rows.get(i).binding().fields()) {
				String text = field.hidden() ? null : field.text();
				if (text != null && !text.isBlank()) {
					parts.add(field.label() + ": " + text);
				}
			}
			lines.add((i + 1) + ". " + String.join(", ", parts));
		}
		return rows.isEmpty() ? null : String.join("; ", lines);
	}

	@Override
	public void markInvalid(String message) {
		error.setText(message);
		error.setVisible(true);
	}

	@Override
	public boolean markInvalid(String key, String message) {
		if (this.key.equals(key)) {
			markInvalid(message);
			return true;
		}
		Matcher matcher = ROW_KEY.matcher(key);
		if (!matcher.matches() || !matcher.group(1).equals(this.key)) {
			return false;
		}
		int row = Integer.parseInt(matcher.group(2));
		if (row >= rows.size()) {
			markInvalid(message);
			return true;
		}
		Optional<RenderedForm.Field> field = rows.get(row)
			.binding()
			.fields()
			.stream()
			.filter(f -> f.key().equals(matcher.group(3)))
			.findFirst();
		if (field.isPresent()) {
			field.get().markInvalid(message);
		}
		else {
			markInvalid(message);
		}
		return true;
	}

	@Override
	public boolean hidden() {
		return HideConditions.hidden(layout);
	}

}
