package io.scalegate.document.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.UploadHandler;
import io.scalegate.base.InvalidInput;
import io.scalegate.base.ui.FieldErrors;
import io.scalegate.base.ui.UploadField;
import io.scalegate.document.Document;
import io.scalegate.document.DocumentKind;
import io.scalegate.document.DocumentLinks;
import io.scalegate.document.Documents;
import io.scalegate.security.Role;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Documents in a grid (kind, version, file, size, who and when, SHA-256 short with the
 * full hash on hover, a download link) and, for people who may attach some kind, an
 * upload with its kind; a refused file is named on the upload, a missing kind on the
 * select. Built by {@link DocumentPanels} for a product, a task or an evidence kind.
 */
public class DocumentsPanel extends Div {

	static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
		.withZone(ZoneOffset.UTC);

	private final Documents documents;

	private final String partNumber;

	private final Supplier<List<Document>> listing;

	private final Grid<Document> grid = new Grid<>(Document.class, false);

	private Runnable onAttached = () -> {
	};

	DocumentsPanel(Documents documents, String partNumber, Supplier<List<Document>> listing, DocumentLinks links,
			String username, Set<Role> roles) {
		this.documents = documents;
		this.partNumber = partNumber;
		this.listing = listing;
		addClassName("documents-panel");
		grid.addClassName("documents-grid");
		grid.addThemeVariants(GridVariant.LUMO_COMPACT);
		grid.setAllRowsVisible(true);
		grid.addColumn(document -> document.kind().label()).setHeader("Kind").setKey("kind").setAutoWidth(true);
		grid.addColumn(Document::version).setHeader("Version").setKey("version").setAutoWidth(true).setFlexGrow(0);
		grid.addComponentColumn(this::download).setHeader("File").setKey("file").setFlexGrow(1);
		grid.addColumn(document -> size(document.sizeBytes())).setHeader("Size").setKey("size").setAutoWidth(true);
		grid.addColumn(Document::uploadedBy).setHeader("Uploaded by").setKey("uploadedBy").setAutoWidth(true);
		grid.addColumn(document -> TIME.format(document.uploadedAt()))
			.setHeader("Uploaded")
			.setKey("uploadedAt")
			.setAutoWidth(true);
		grid.addComponentColumn(DocumentsPanel::hash).setHeader("SHA-256").setKey("sha256").setAutoWidth(true);
		add(grid);
		if (DocumentKind.anyUploadableBy(roles)) {
			add(uploadForm(links, username, roles));
		}
		refresh();
	}

	/** Runs after each document this panel attached (e.g. to refresh another list). */
	public DocumentsPanel onAttached(Runnable listener) {
		this.onAttached = listener;
		return this;
	}

	public void refresh() {
		grid.setItems(listing.get());
	}

	private Div uploadForm(DocumentLinks links, String username, Set<Role> roles) {
		Select<DocumentKind> kind = new Select<>();
		kind.setLabel("Document kind");
		kind.addClassName("document-kind");
		kind.setItems(java.util.Arrays.stream(DocumentKind.values()).filter(k -> k.uploadableBy(roles)).toList());
		kind.setItemLabelGenerator(DocumentKind::label);
		Upload upload = new Upload();
		UploadField file = new UploadField(upload);
		file.addClassName("document-file");
		Map<String, com.vaadin.flow.component.HasValidation> fields = Map.of("kind", kind, "file", file);
		upload.setUploadHandler(UploadHandler.inMemory((metadata, bytes) -> {
			UI ui = UI.getCurrent();
			ui.access(() -> {
				try {
					documents.attach(partNumber, kind.getValue(), metadata.fileName(), bytes, links, username);
					FieldErrors.clear(fields);
					refresh();
					onAttached.run();
				}
				catch (InvalidInput refused) {
					FieldErrors.show(refused, fields);
				}
				upload.clearFileList();
			});
		}));
		upload.setMaxFiles(1);
		upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, documents.maxSize()));
		upload.setDropLabel(new Span("Drop a file here (checked by its content)"));
		upload.addFileRejectedListener(rejected -> {
			file.setErrorMessage(rejected.getErrorMessage());
			file.setInvalid(true);
		});
		Div form = new Div(kind, file);
		form.addClassName("document-upload");
		form.getStyle().set("display", "flex").set("gap", "var(--lumo-space-m)").set("flex-wrap", "wrap");
		return form;
	}

	private Anchor download(Document document) {
		Anchor link = new Anchor(
				DownloadHandler.fromInputStream(event -> new DownloadResponse(documents.open(partNumber, document.id()),
						document.fileName(), document.mediaType(), document.sizeBytes())),
				AttachmentType.DOWNLOAD, document.fileName());
		link.addClassName("document-download");
		return link;
	}

	private static Span hash(Document document) {
		Span hash = new Span(document.shortSha256() + "…");
		hash.setTitle(document.sha256());
		hash.getStyle().set("font-family", "var(--lumo-font-family-monospace, monospace)");
		return hash;
	}

	static String size(long bytes) {
		if (bytes < 1024) {
			return bytes + " B";
		}
		if (bytes < 1024 * 1024) {
			return (bytes + 1023) / 1024 + " KB";
		}
		return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
	}

}
