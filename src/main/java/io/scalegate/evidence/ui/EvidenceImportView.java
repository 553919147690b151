package io.scalegate.evidence.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.UploadHandler;
import io.scalegate.base.InvalidInput;
import io.scalegate.base.ui.ErrorHandling;
import io.scalegate.evidence.EvidenceCsv;
import io.scalegate.evidence.EvidenceCsv.ParsedImport;
import io.scalegate.evidence.EvidenceCsv.RowProblem;
import io.scalegate.evidence.EvidenceKind;
import io.scalegate.evidence.EvidenceRecorder;
import io.scalegate.evidence.EvidenceRecorder.ImportRow;
import io.scalegate.security.CurrentUser;
import io.scalegate.security.UserAccount;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Imports order history or small-batch records from a CSV file: the file is read and
 * every row checked in the background (a progress bar for large files), a preview and a
 * per-row error report follow, and only a file without errors can be committed, in one
 * transaction: all rows or none.
 */
@Route("import")
@PageTitle("Import evidence | ScaleGate")
@Menu(order = 2, title = "Import evidence", icon = "vaadin:upload")
@RolesAllowed({ "ENGINEER", "QUALITY", "SUPPLIER_QUALITY" })
class EvidenceImportView extends VerticalLayout {

	static final int MAX_BYTES = 20 * 1024 * 1024;

	private final EvidenceCsv csv;

	private final EvidenceRecorder recorder;

	private final Executor executor;

	private final UserAccount user;

	private final Select<EvidenceKind> kind = new Select<>();

	private final ProgressBar progress = new ProgressBar();

	private final Span status = new Span();

	private final Grid<ImportRow> preview = new Grid<>();

	private final Grid<RowProblem> problems = new Grid<>();

	private final Button commit = new Button("Record all rows");

	private final H3 previewTitle = new H3("Preview");

	private final H3 problemsTitle = new H3("Rows with errors");

	private ParsedImport parsed;

	/** The background work now running, if any (tests wait on it). */
	CompletableFuture<?> running = CompletableFuture.completedFuture(null);

	EvidenceImportView(EvidenceCsv csv, EvidenceRecorder recorder, Executor applicationTaskExecutor,
			CurrentUser currentUser) {
		this.csv = csv;
		this.recorder = recorder;
		this.executor = applicationTaskExecutor;
		this.user = currentUser.get();
		add(new H2("Import evidence"));
		add(new Paragraph("Order history and small-batch records from ERP or quality systems, as CSV with a header row "
				+ "(comma or semicolon). Every row is checked first; only a file without errors is recorded, and then "
				+ "all of it at once."));
		kind.setLabel("What the file holds");
		kind.setId("import-kind");
		kind.setItems(
				EvidenceCsv.COLUMNS.keySet().stream().filter(k -> k.recordableBy(user.roles())).sorted().toList());
		kind.setItemLabelGenerator(EvidenceKind::label);
		kind.setValue(kind.getListDataView().getItems().findFirst().orElse(null));
		Anchor template = new Anchor(DownloadHandler.fromInputStream(event -> {
			String header = String.join(",", EvidenceCsv.COLUMNS.get(kind.getValue())) + "\n";
			byte[] bytes = header.getBytes(StandardCharsets.UTF_8);
			return new DownloadResponse(new ByteArrayInputStream(bytes),
					kind.getValue().name().toLowerCase() + "-template.csv", "text/csv", bytes.length);
		}), "Download a template");
		template.setId("import-template");

		Upload upload = new Upload(UploadHandler.inMemory((metadata, bytes) -> {
			UI ui = UI.getCurrent();
			ui.access(() -> read(metadata.fileName(), bytes));
		}));
		upload.setId("import-upload");
		upload.setMaxFiles(1);
		upload.setMaxFileSize(MAX_BYTES);
		upload.setAcceptedFileTypes("text/csv", ".csv", "text/plain");
		upload.addFileRejectedListener(rejected -> ErrorHandling.show("file: " + rejected.getErrorMessage()));

		progress.setId("import-progress");
		progress.setVisible(false);
		status.setId("import-status");
		preview.setId("import-preview");
		preview.addColumn(ImportRow::line).setHeader("Row").setAutoWidth(true).setFlexGrow(0);
		preview.addColumn(ImportRow::partNumber).setHeader("Part number").setAutoWidth(true);
		preview.addColumn(row -> describe(row.entry())).setHeader("Values").setFlexGrow(1);
		preview.setHeight("320px");
		problems.setId("import-problems");
		problems.addColumn(RowProblem::line).setHeader("Row").setAutoWidth(true).setFlexGrow(0);
		problems.addColumn(RowProblem::field).setHeader("Field").setAutoWidth(true);
		problems.addColumn(RowProblem::message).setHeader("Problem").setFlexGrow(1);
		problems.setHeight("320px");
		commit.setId("import-commit");
		commit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		commit.addClickListener(click -> commit());
		kind.addValueChangeListener(change -> reset());
		add(kind, template, upload, progress, status, commit, problemsTitle, problems, previewTitle, preview);
		reset();
	}

	/**
	 * Parses and checks {@code bytes} in the background, then shows the preview and the
	 * error report.
	 */
	void read(String fileName, byte[] bytes) {
		reset();
		EvidenceKind chosen = kind.getValue();
		String text = new String(bytes, StandardCharsets.UTF_8).replace("\uFEFF", "");
		long lines = Math.max(1, text.lines().count() - 1);
		UI ui = UI.getCurrent();
		working("Checking " + fileName + "…");
		running = CompletableFuture.supplyAsync(() -> csv.parse(chosen, text, read -> {
			if (read % 200 == 0) {
				ui.access(() -> progress.setValue(Math.min(1, read / (double) lines)));
			}
		}), executor).whenComplete((result, failure) -> ui.access(() -> {
			done();
			if (failure != null) {
				fail(failure);
				return;
			}
			parsed = result;
			preview.setItems(result.rows());
			problems.setItems(result.problems());
			preview.setVisible(true);
			previewTitle.setVisible(true);
			boolean wrong = !result.problems().isEmpty();
			problems.setVisible(wrong);
			problemsTitle.setVisible(wrong);
			long wrongRows = result.problems().stream().map(RowProblem::line).distinct().count();
			status.setText(wrong ? String.format(
					"%s: %,d rows fine, %,d rows with errors. Correct the file and upload it again; nothing was recorded.",
					fileName, result.rows().size(), wrongRows)
					: result.rows().isEmpty() ? fileName + " holds no rows."
							: String.format("%s: all %,d rows are fine. Record them?", fileName, result.rows().size()));
			commit.setEnabled(result.committable());
		}));
	}

	private void commit() {
		if (parsed == null || !parsed.committable()) {
			return;
		}
		ParsedImport toRecord = parsed;
		commit.setEnabled(false);
		UI ui = UI.getCurrent();
		int total = toRecord.rows().size();
		working(String.format("Recording %,d rows…", total));
		running = CompletableFuture.supplyAsync(() -> recorder.recordAll(toRecord.rows(), user.username(), written -> {
			if (written % 200 == 0) {
				ui.access(() -> progress.setValue(written / (double) total));
			}
		}), executor).whenComplete((count, failure) -> ui.access(() -> {
			done();
			if (failure != null) {
				fail(failure);
				return;
			}
			parsed = null;
			status.setText(String.format("Recorded %,d %s. Each product's gate readiness is up to date.", count,
					toRecord.kind().label().toLowerCase()));
			Notification.show(status.getText(), 5000, Notification.Position.BOTTOM_START)
				.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
		}));
	}

	private void fail(Throwable failure) {
		InvalidInput invalid = ErrorHandling.invalidInput(failure);
		status.setText(invalid != null ? invalid.getMessage() + ". Nothing was recorded."
				: "The import failed and nothing was recorded. Try again; if it happens again, tell an administrator.");
		if (invalid == null) {
			org.slf4j.LoggerFactory.getLogger(EvidenceImportView.class).error("Import failed", failure);
		}
		commit.setEnabled(false);
	}

	private void working(String message) {
		status.setText(message);
		progress.setValue(0);
		progress.setVisible(true);
		UI.getCurrent().setPollInterval(500);
	}

	private void done() {
		progress.setVisible(false);
		UI.getCurrent().setPollInterval(-1);
	}

	private void reset() {
		parsed = null;
		commit.setEnabled(false);
		preview.setItems(List.of());
		problems.setItems(List.of());
		preview.setVisible(false);
		previewTitle.setVisible(false);
		problems.setVisible(false);
		problemsTitle.setVisible(false);
		status.setText(kind.getValue() == null ? ""
				: "Columns: " + String.join(", ", EvidenceCsv.COLUMNS.get(kind.getValue())));
	}

	private static String describe(Object entry) {
		String text = entry.toString();
		int open = text.indexOf('[');
		return open < 0 ? text : text.substring(open + 1, text.length() - 1);
	}

}
