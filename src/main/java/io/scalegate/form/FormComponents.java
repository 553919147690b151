package io.scalegate.form;

import com.fasterxml.jackson.databind.JsonNode;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasComponents;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Hr;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.markdown.Markdown;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/**
 * Builds each form-js component as a Vaadin component: the inputs (with the file picker)
 * through {@link InputFields}; text (Markdown with {@code {{variable}}} templates), group
 * (its path prefixing its keys), dynamic list ({@link DynamicList}), columns, separator,
 * spacer and image here; a {@code conditional.hide} ScaleGate evaluates
 * ({@link HideConditions}) hides the component while it holds. Buttons are left out
 * (ScaleGate's own "Sign and complete" replaces them); any other type becomes a notice
 * naming it.
 */
final class FormComponents {

	private final InputFields inputs;

	private final FormValues values;

	private final UnsupportedFeatures unsupported;

	private final HideConditions hides;

	FormComponents(InputFields inputs, FormValues values, UnsupportedFeatures unsupported, HideConditions hides) {
		this.inputs = inputs;
		this.values = values;
		this.unsupported = unsupported;
		this.hides = hides;
	}

	/**
	 * Adds the components to {@code container}, their keys prefixed by {@code path}.
	 */
	void addAll(HasComponents container, JsonNode components, String path) {
		for (JsonNode component : components) {
			Component rendered = component(component, path);
			if (rendered != null) {
				container.add(rendered);
				hides.add(component, rendered);
			}
		}
	}

	private Component component(JsonNode c, String path) {
		String type = c.path("type").asText("");
		unsupported.expressions(c, HideConditions.supported(c) ? "conditional.hide" : null);
		return switch (type) {
			case "textfield" -> inputs.textField(c, path);
			case "textarea" -> inputs.textArea(c, path);
			case "number" -> inputs.number(c, path);
			case "checkbox" -> inputs.checkbox(c, path);
			case "checklist" -> inputs.checklist(c, path);
			case "radio" -> inputs.radio(c, path);
			case "select" -> inputs.select(c, path);
			case "taglist" -> inputs.taglist(c, path);
			case "datetime" -> inputs.datetime(c, path);
			case "filepicker" -> inputs.filePicker(c, path);
			case "text" -> text(c);
			case "group" -> group(c, path);
			case "dynamiclist" -> dynamicList(c, path);
			case "columns" -> columns(c, path);
			case "default" -> column(c, path);
			case "separator" -> new Hr();
			case "spacer" -> spacer(c);
			case "image" -> image(c);
			case "button" -> null; // ScaleGate's own "Sign and complete" replaces the
									// form's buttons
			default -> unsupported.notice("component type \"" + type + "\"");
		};
	}

	private Component text(JsonNode c) {
		String text = c.path("text").asText("");
		if (text.startsWith("=")) {
			return unsupported.notice("FEEL expression in the text of " + UnsupportedFeatures.name(c));
		}
		Markdown markdown = new Markdown(values.template(text));
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

	private Component dynamicList(JsonNode c, String path) {
		if (c.path("path").asText("").isBlank()) {
			return unsupported.notice("dynamic list without a path (" + UnsupportedFeatures.name(c) + ")");
		}
		DynamicList list = new DynamicList(c, path, values, unsupported);
		inputs.bind(list);
		return list.layout();
	}

	private Component columns(JsonNode c, String path) {
		HorizontalLayout row = new HorizontalLayout();
		row.setWidthFull();
		row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.START);
		addAll(row, c.path("components"), path);
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
			return unsupported.notice("FEEL expression in \"" + (source.startsWith("=") ? "source" : "alt") + "\" of "
					+ UnsupportedFeatures.name(c));
		}
		if (source.isBlank()) {
			return unsupported.notice("image without a source (" + UnsupportedFeatures.name(c) + ")");
		}
		return new Image(values.template(source), values.template(alt));
	}

}
