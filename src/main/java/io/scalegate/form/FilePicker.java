package io.scalegate.form;

import com.fasterxml.jackson.databind.JsonNode;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import io.scalegate.base.InvalidInput;
import io.scalegate.base.ui.UploadField;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * form-js's {@code filepicker} as an {@link Upload}: {@code accept} (file types offered),
 * {@code multiple}, and the custom property {@code documentKind} (the kind the files are
 * kept as, {@code OTHER} if none). Each picked file is checked by the {@link FileStore}
 * at once (a refusal is shown here); it is stored when the task is signed, and the
 * variable holds its id (a list of ids when {@code multiple}).
 */
final class FilePicker extends UploadField {

	private final List<FileStore.PickedFile> picked = new ArrayList<>();

	private final Span names = new Span();

	private final String key;

	private final String documentKind;

	private final boolean multiple;

	FilePicker(JsonNode c, String key, String label, FileStore store) {
		this(c, key, label, store, new Upload());
	}

	private FilePicker(JsonNode c, String key, String label, FileStore store, Upload upload) {
		super(upload);
		this.key = key;
		this.multiple = c.path("multiple").isBoolean() && c.path("multiple").asBoolean();
		String kind = c.path("properties").path("documentKind").asText("");
		this.documentKind = kind.isBlank() ? "OTHER" : kind.strip();
		addClassName("form-filepicker");
		Span title = new Span(label);
		title.addClassName("form-filepicker-label");
		upload.setId("field-" + key);
		if (!multiple) {
			upload.setMaxFiles(1);
		}
		String accept = c.path("accept").asText("");
		if (!accept.isBlank() && !accept.startsWith("=")) {
			upload.setAcceptedFileTypes(Arrays.stream(accept.split(","))
				.map(String::strip)
				.filter(a -> !a.isEmpty())
				.toArray(String[]::new));
		}
		upload.setUploadHandler(UploadHandler.inMemory((metadata, bytes) -> {
			UI ui = UI.getCurrent();
			ui.access(() -> pick(store, metadata.fileName(), bytes));
		}));
		upload.addFileRejectedListener(rejected -> {
			setErrorMessage(rejected.getErrorMessage());
			setInvalid(true);
		});
		names.addClassName("form-filepicker-files");
		// title, upload, [help,] names, error
		addComponentAtIndex(0, title);
		addComponentAtIndex(2, names);
		String description = c.path("description").asText("");
		if (!description.isBlank() && !description.startsWith("=")) {
			Span help = new Span(description);
			help.getStyle().set("display", "block").set("font-size", "var(--lumo-font-size-s)");
			help.getStyle().set("color", "var(--lumo-secondary-text-color)");
			addComponentAtIndex(2, help);
		}
	}

	private void pick(FileStore store, String fileName, byte[] content) {
		try {
			store.check(fileName, content);
		}
		catch (InvalidInput refused) {
			setErrorMessage(refused.reason());
			setInvalid(true);
			return;
		}
		if (!multiple) {
			picked.clear();
		}
		picked.add(new FileStore.PickedFile(key, documentKind, UUID.randomUUID().toString(), fileName, content));
		setInvalid(false);
		names.setText(String.join(", ", picked.stream().map(FileStore.PickedFile::fileName).toList()));
	}

	/** The id(s) the variable holds: one id, a list when multiple, null when none. */
	Object value() {
		if (picked.isEmpty()) {
			return null;
		}
		List<String> ids = picked.stream().map(FileStore.PickedFile::id).toList();
		return multiple ? ids : ids.get(0);
	}

	/** The names of the picked files, as the signer reads them. */
	String fileNames() {
		return picked.isEmpty() ? null
				: String.join(", ", picked.stream().map(FileStore.PickedFile::fileName).toList());
	}

	List<FileStore.PickedFile> picked() {
		return List.copyOf(picked);
	}

}
