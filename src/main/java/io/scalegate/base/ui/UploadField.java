package io.scalegate.base.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.shared.HasValidationProperties;
import com.vaadin.flow.component.upload.Upload;

/**
 * An {@link Upload} that can show a refusal of its file beneath it, as a text field shows
 * its error ({@code base.ui.FieldErrors} names it {@code file}): the documents panel's
 * upload and a Camunda Form's file picker.
 */
public class UploadField extends Div implements HasValidationProperties {

	private final Span error = new Span();

	private boolean invalid;

	public UploadField(Upload upload) {
		error.addClassName("upload-error");
		error.getStyle().set("color", "var(--lumo-error-text-color)").set("font-size", "var(--lumo-font-size-s)");
		error.setVisible(false);
		add(upload, error);
	}

	@Override
	public void setErrorMessage(String message) {
		error.setText(message == null ? "" : message);
	}

	@Override
	public String getErrorMessage() {
		return error.getText();
	}

	@Override
	public void setInvalid(boolean invalid) {
		this.invalid = invalid;
		error.setVisible(invalid);
	}

	@Override
	public boolean isInvalid() {
		return invalid;
	}

}
