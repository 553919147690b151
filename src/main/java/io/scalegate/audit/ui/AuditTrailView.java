package io.scalegate.audit.ui;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.UploadHandler;
import io.scalegate.audit.AuditCheckpoint;
import io.scalegate.audit.AuditCheckpoints;
import io.scalegate.audit.AuditCsv;
import io.scalegate.audit.AuditEntry;
import io.scalegate.audit.AuditQuery;
import io.scalegate.audit.AuditSearch;
import io.scalegate.audit.AuditTrail;
import io.scalegate.audit.AuditVerification;
import io.scalegate.audit.CheckpointCheck;
import io.scalegate.base.AuditAction;
import io.scalegate.base.Count;
import io.scalegate.base.InvalidInput;
import io.scalegate.base.ui.ErrorHandling;
import io.scalegate.base.ui.PageAddress;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The audit trail for auditors: every event, newest first, filtered by actor, action,
 * subject, period and text (a rule version, a reason); the chain checked on request; the
 * filtered trail as CSV; signed checkpoints exported and checked (ADR 0010).
 */
@Route("audit")
@PageTitle("Audit trail | ScaleGate")
@Menu(order = 5, title = "Audit trail", icon = "vaadin:shield")
@RolesAllowed({ "AUDITOR", "ADMIN" })
class AuditTrailView extends VerticalLayout implements BeforeEnterObserver {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
		.withZone(ZoneOffset.UTC);

	private static final int MAX_CHECKPOINT_BYTES = 64 * 1024;

	private final AuditSearch search;

	private final TextField actor = new TextField("Actor");

	private final MultiSelectComboBox<AuditAction> actions = new MultiSelectComboBox<>("Action");

	private final TextField subject = new TextField("Subject (part number, task, token…)");

	private final DatePicker from = new DatePicker("From");

	private final DatePicker to = new DatePicker("To (inclusive)");

	private final TextField text = new TextField("Details contain");

	private final Grid<AuditEntry> grid = new Grid<>();

	private final Span total = new Span();

	/** The export now running, if any (tests wait on it). */
	CompletableFuture<?> exporting = CompletableFuture.completedFuture(null);

	private final AuditCheckpoints checkpoints;

	private final ObjectMapper json;

	private final Span checkpointVerdict = new Span();

	/** While the filters are set from the address, which then needs no writing. */
	private boolean restoring;

	AuditTrailView(AuditTrail trail, AuditSearch search, AuditCsv csv, AuditCheckpoints checkpoints, ObjectMapper json,
			Executor applicationTaskExecutor) {
		this.search = search;
		this.checkpoints = checkpoints;
		this.json = json;
		setSizeFull();
		Span verdict = new Span();
		verdict.setId("chain-verdict");
		Button verify = new Button("Verify the chain", VaadinIcon.SHIELD.create(), click -> {
			AuditVerification result = trail.verify();
			verdict.setText(result.intact() ? String.format("Intact: %,d entries, every hash fits.", result.entries())
					: result.unknownKeyId() != null
							? String.format("Cannot verify from entry %d (%,d entries): %s", result.firstBrokenEntry(),
									result.entries(), result.problem())
							: String.format(
									"BROKEN at entry %d (%,d entries): %s. The trail was changed outside"
											+ " ScaleGate.",
									result.firstBrokenEntry(), result.entries(), result.problem()));
			verdict.getElement().getThemeList().clear();
			verdict.getElement().getThemeList().add(result.intact() ? "badge success" : "badge error");
		});
		verify.setId("verify-chain");
		HorizontalLayout title = new HorizontalLayout(new H2("Audit trail"));
		title.setWidthFull();
		title.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
		title.addToEnd(verdict, verify, exportPanel(csv, applicationTaskExecutor));
		add(title, checkpointPanel(), filters(), questions());
		grid.setId("audit-entries");
		grid.addColumn(AuditEntry::id).setHeader("#").setAutoWidth(true).setFlexGrow(0);
		grid.addColumn(entry -> TIME.format(entry.occurredAt())).setHeader("When").setAutoWidth(true);
		grid.addColumn(AuditEntry::actorInWords).setHeader("Actor").setAutoWidth(true).setKey("actor");
		grid.addColumn(entry -> entry.action().label()).setHeader("Action").setAutoWidth(true);
		grid.addColumn(entry -> entry.subjectType() + " " + entry.subjectId()).setHeader("Subject").setAutoWidth(true);
		grid.addColumn(AuditEntry::details).setHeader("Details").setFlexGrow(1);
		grid.setItemDetailsRenderer(new com.vaadin.flow.data.renderer.ComponentRenderer<>(entry -> {
			Pre details = new Pre(
					entry.details() + "\nprevious " + entry.previousHash() + "\nhash     " + entry.entryHash());
			details.getStyle().set("white-space", "pre-wrap").set("font-size", "var(--lumo-font-size-s)");
			return details;
		}));
		grid.setSizeFull();
		total.setId("audit-total");
		add(total, grid);
		// listed in beforeEnter, with the filters of the address
	}

	/**
	 * The filtered trail as CSV: written in the background to a temporary file with a
	 * progress bar (a long trail takes a while), then offered for download.
	 */
	private Component exportPanel(AuditCsv csv, Executor executor) {
		ProgressBar progress = new ProgressBar();
		progress.setId("export-progress");
		progress.setWidth("8em");
		progress.setVisible(false);
		Anchor download = new Anchor();
		download.setId("export-download");
		download.getElement().setAttribute("download", true);
		download.setVisible(false);
		Button export = new Button("Export CSV", VaadinIcon.DOWNLOAD.create());
		export.setId("export-csv");
		export.addClickListener(click -> {
			AuditQuery query = query();
			long total = Math.max(1, search.count(query));
			UI ui = UI.getCurrent();
			export.setEnabled(false);
			download.setVisible(false);
			progress.setValue(0);
			progress.setVisible(true);
			ui.setPollInterval(500);
			exporting = CompletableFuture.supplyAsync(() -> {
				try {
					Path file = Files.createTempFile("scalegate-audit-", ".csv");
					file.toFile().deleteOnExit();
					try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
						long written = csv.write(query, writer,
								done -> ui.access(() -> progress.setValue(done / (double) total)));
						return new Object[] { file, written };
					}
				}
				catch (IOException e) {
					throw new UncheckedIOException(e);
				}
			}, executor).whenComplete((result, failure) -> ui.access(() -> {
				ui.setPollInterval(-1);
				progress.setVisible(false);
				export.setEnabled(true);
				if (failure != null) {
					ErrorHandling.show("The export failed; nothing to download. Try again.");
					return;
				}
				Path file = (Path) result[0];
				download.setHref(DownloadHandler.forFile(file.toFile(), "scalegate-audit-trail.csv"));
				download.setText("Download the CSV (" + Count.of((Long) result[1], "entry", "entries") + ")");
				download.setVisible(true);
			}));
		});
		HorizontalLayout panel = new HorizontalLayout(export, progress, download);
		panel.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
		return panel;
	}

	/**
	 * Signed checkpoints of the head: one to download and keep outside ScaleGate, and one
	 * kept earlier to upload and compare with the trail as it is now.
	 */
	private Component checkpointPanel() {
		Anchor export = new Anchor(DownloadHandler.fromInputStream(event -> {
			AuditCheckpoint checkpoint = checkpoints.export();
			byte[] bytes = json.writerWithDefaultPrettyPrinter().writeValueAsBytes(checkpoint);
			return new DownloadResponse(new ByteArrayInputStream(bytes),
					"scalegate-audit-checkpoint-" + checkpoint.entry() + ".json", "application/json", bytes.length);
		}), "");
		// a button like its neighbours, inside the link that downloads
		export.add(new Button("Export checkpoint", VaadinIcon.DOWNLOAD_ALT.create()));
		export.setId("export-checkpoint");
		export.getElement().setAttribute("download", true);
		export.getElement()
			.setAttribute("title", "A signed statement of the newest entry and its hash, to keep"
					+ " outside ScaleGate and compare later");
		Upload upload = new Upload(UploadHandler.inMemory((metadata, bytes) -> {
			UI ui = UI.getCurrent();
			ui.access(() -> checkCheckpoint(bytes));
		}));
		upload.setId("check-checkpoint");
		upload.setUploadButton(new Button("Check a checkpoint", VaadinIcon.UPLOAD.create()));
		upload.setDropAllowed(false);
		upload.setMaxFiles(1);
		upload.setMaxFileSize(MAX_CHECKPOINT_BYTES);
		upload.setAcceptedFileTypes("application/json", ".json");
		upload.addFileRejectedListener(rejected -> ErrorHandling.show("checkpoint: " + rejected.getErrorMessage()));
		checkpointVerdict.setId("checkpoint-verdict");
		HorizontalLayout panel = new HorizontalLayout(export, upload, checkpointVerdict);
		panel.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
		return panel;
	}

	/** Compares an uploaded checkpoint with the trail and shows what it found. */
	void checkCheckpoint(byte[] file) {
		CheckpointCheck check;
		try {
			check = checkpoints.check(json.readValue(file, AuditCheckpoint.class));
		}
		catch (IOException e) {
			show(false, "This file is not a ScaleGate checkpoint (JSON as exported)");
			return;
		}
		catch (InvalidInput invalid) {
			show(false, "This file is not a complete checkpoint: " + invalid.getMessage());
			return;
		}
		show(check.ok(), check.message());
	}

	private void show(boolean ok, String message) {
		checkpointVerdict.setText(message);
		checkpointVerdict.getElement().getThemeList().clear();
		checkpointVerdict.getElement().getThemeList().add(ok ? "badge success" : "badge error");
	}

	private FlexLayout filters() {
		actions.setItems(AuditAction.values());
		actions.setItemLabelGenerator(AuditAction::label);
		actions.setId("filter-action");
		actor.setId("filter-actor");
		subject.setId("filter-subject");
		text.setId("filter-details");
		from.setId("filter-from");
		to.setId("filter-to");
		for (TextField field : new TextField[] { actor, subject, text }) {
			field.setClearButtonVisible(true);
			field.setValueChangeMode(ValueChangeMode.LAZY);
			field.addValueChangeListener(e -> filtered());
		}
		actions.addValueChangeListener(e -> filtered());
		from.addValueChangeListener(e -> filtered());
		to.addValueChangeListener(e -> filtered());
		FlexLayout bar = new FlexLayout(actor, actions, subject, from, to, text);
		bar.setFlexWrap(FlexLayout.FlexWrap.WRAP);
		bar.getStyle().set("gap", "var(--lumo-space-s)");
		return bar;
	}

	/** The questions auditors ask most, one click each. */
	private HorizontalLayout questions() {
		HorizontalLayout bar = new HorizontalLayout(new Span("Show:"));
		bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
		bar.add(question("Gate decisions", AuditAction.GATE_DECIDED),
				question("Overrides", AuditAction.RECOMMENDATION_OVERRIDDEN),
				question("Signatures", AuditAction.SIGNATURE_GIVEN),
				question("Refused signatures", AuditAction.SIGNATURE_REFUSED),
				question("Evidence changes", AuditAction.EVIDENCE_CHANGED),
				question("Model deployments", AuditAction.MODEL_DEPLOYED),
				question("Migrations", AuditAction.INSTANCES_MIGRATED),
				question("Sign-in locks", AuditAction.LOGIN_LOCKED),
				question("Account changes", AuditAction.USER_CREATED, AuditAction.USER_EDITED,
						AuditAction.USER_DISABLED, AuditAction.USER_ENABLED, AuditAction.ONE_TIME_PASSWORD_ISSUED,
						AuditAction.PASSWORD_CHANGED, AuditAction.SIGNING_UNLOCKED, AuditAction.LOGIN_UNLOCKED));
		return bar;
	}

	private Button question(String label, AuditAction action, AuditAction... more) {
		java.util.Set<AuditAction> shown = java.util.EnumSet.of(action, more);
		Button button = new Button(label, click -> actions.setValue(shown));
		button.addThemeVariants(com.vaadin.flow.component.button.ButtonVariant.LUMO_TERTIARY_INLINE);
		button.setId("show-" + action.name().toLowerCase().replace('_', '-'));
		return button;
	}

	AuditQuery query() {
		return new AuditQuery(actor.getValue(), actions.getValue(), null, subject.getValue(),
				from.getValue() == null ? null : from.getValue().atStartOfDay().toInstant(ZoneOffset.UTC),
				to.getValue() == null ? null : to.getValue().plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC),
				text.getValue());
	}

	/**
	 * Sets the filters from the address
	 * ({@code ?actor=…&action=GATE_DECIDED&from=2025-01-31
	 * &to=…&subject=…&details=…}); an unknown action or an unreadable date is ignored.
	 */
	@Override
	public void beforeEnter(BeforeEnterEvent event) {
		QueryParameters query = event.getLocation().getQueryParameters();
		restoring = true;
		actor.setValue(PageAddress.value(query, "actor").orElse(""));
		actions.setValue(Set.copyOf(PageAddress.values(query, "action", AuditAction::valueOf)));
		subject.setValue(PageAddress.value(query, "subject").orElse(""));
		from.setValue(PageAddress.value(query, "from", LocalDate::parse).orElse(null));
		to.setValue(PageAddress.value(query, "to", LocalDate::parse).orElse(null));
		text.setValue(PageAddress.value(query, "details").orElse(""));
		restoring = false;
		refresh();
	}

	/** A filter changed: the list follows, and the address (without a history entry). */
	private void filtered() {
		if (restoring) {
			return;
		}
		refresh();
		Map<String, List<String>> query = new LinkedHashMap<>();
		query.put("actor", List.of(actor.getValue()));
		query.put("action", actions.getValue().stream().sorted().map(AuditAction::name).toList());
		query.put("subject", List.of(subject.getValue()));
		query.put("from", from.getOptionalValue().map(LocalDate::toString).stream().toList());
		query.put("to", to.getOptionalValue().map(LocalDate::toString).stream().toList());
		query.put("details", List.of(text.getValue()));
		PageAddress.replace(query);
	}

	private void refresh() {
		AuditQuery query = query();
		grid.setItems(q -> search.page(query, q.getOffset(), q.getLimit()).stream(), q -> (int) search.count(query));
		total.setText(Count.of(search.count(query), "entry", "entries"));
	}

}
