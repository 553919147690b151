package io.scalegate.form;

import com.fasterxml.jackson.databind.JsonNode;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.Map;

/**
 * Renders a Camunda Form (the form-js schema Camunda Modeler writes) as native Vaadin
 * components bound to the task's variables: textfield, textarea, number, checkbox,
 * checklist, radio, select, taglist, datetime, filepicker ({@link FileStore}), text
 * (Markdown with {@code {{variable}}} templates), group (with path), dynamic list (rows
 * added and removed), columns, separator, spacer and image; validation: required,
 * min/max, minLength/maxLength, pattern; {@code conditional.hide} comparing one field
 * with a literal. Submit and reset buttons are ScaleGate's own sign-and-complete action.
 * Anything else (other FEEL expressions, html, ...) is shown as a notice naming it and
 * listed in {@link RenderedForm#unsupported()}; nothing is dropped silently.
 * <p>
 * The work is shared by {@link FormComponents} and {@link InputFields} (the components),
 * {@link FieldBinding} and {@link FieldValidation} (typed values and checks),
 * {@link FormValues} (variables, default values, templates) and
 * {@link UnsupportedFeatures}.
 */
public final class FormRenderer {

	private FormRenderer() {
	}

	/**
	 * Renders {@code schema}, filling fields from {@code variables} (or their default
	 * values).
	 */
	public static RenderedForm render(JsonNode schema, Map<String, Object> variables) {
		return render(schema, variables, FileStore.NONE);
	}

	/**
	 * Renders {@code schema} on a task whose file pickers keep their files in
	 * {@code files} ({@link RenderedForm#storeFiles()} when the task is signed).
	 */
	public static RenderedForm render(JsonNode schema, Map<String, Object> variables, FileStore files) {
		FormValues values = new FormValues(variables);
		UnsupportedFeatures unsupported = new UnsupportedFeatures();
		FieldBinding binding = new FieldBinding(unsupported);
		HideConditions hides = new HideConditions();
		FormComponents components = new FormComponents(new InputFields(values, binding, files), values, unsupported,
				hides);
		VerticalLayout layout = new VerticalLayout();
		layout.setPadding(false);
		layout.setId("camunda-form");
		components.addAll(layout, schema.path("components"), "");
		hides.wire(binding);
		unsupported.summary().ifPresent(layout::addComponentAsFirst);
		return new RenderedForm(layout, binding.fields(), unsupported.named(), binding.pickers(), files);
	}

}
