package io.scalegate.history.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import io.scalegate.audit.AuditEntry;
import io.scalegate.audit.AuditQuery;
import io.scalegate.audit.AuditSearch;
import io.scalegate.base.ui.ProcessDiagram;
import io.scalegate.evidence.EvidenceService;
import io.scalegate.gate.GateWords;
import io.scalegate.history.GateHistory;
import io.scalegate.history.GateHistory.ProductHistory;
import io.scalegate.history.GateRecord;
import io.scalegate.history.GateRecord.DecisionTrace;
import io.scalegate.history.GateRecordPdf;
import io.scalegate.history.ProcessPath;
import io.scalegate.product.StageChange;
import io.scalegate.product.ui.ProductRouteView;
import io.scalegate.security.CurrentUser;
import io.scalegate.task.Signature;
import jakarta.annotation.security.PermitAll;
import java.io.ByteArrayInputStream;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A product's gate history for auditors (read-only): the stages, then every gate of every
 * round with its sign-offs, the rules' inputs, answers, versions and matched rules, the
 * recommendation (evaluated by the system on behalf of whom), the decision and any
 * override reason, all in words with units; the product's audit trail below; the signed
 * record as PDF.
 */
@Route("products/:partNumber/history")
@PermitAll
class GateHistoryView extends ProductRouteView {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
		.withZone(ZoneOffset.UTC);

	private final GateHistory history;

	private final GateRecordPdf pdf;

	private final AuditSearch search;

	private final CurrentUser currentUser;

	private final ProcessPath paths;

	private final EvidenceService evidence;

	GateHistoryView(GateHistory history, GateRecordPdf pdf, AuditSearch search, CurrentUser currentUser,
			ProcessPath paths, EvidenceService evidence) {
		this.paths = paths;
		this.evidence = evidence;
		this.history = history;
		this.pdf = pdf;
		this.search = search;
		this.currentUser = currentUser;
	}

	@Override
	protected String show(String partNumber) {
		ProductHistory record = history.of(partNumber);
		String printedBy = currentUser.get().fullName() + " (" + currentUser.get().username() + ")";
		Anchor download = new Anchor(DownloadHandler.fromInputStream(request -> {
			byte[] bytes = pdf.of(partNumber, printedBy);
			return new DownloadResponse(new ByteArrayInputStream(bytes), "gate-record-" + partNumber + ".pdf",
					"application/pdf", bytes.length);
		}), "Signed gate record (PDF)");
		download.setId("gate-record-pdf");
		download.getElement().setAttribute("download", true);
		H2 heading = new H2("Gate history: " + record.product().partNumber() + " · " + record.product().name());
		heading.setId("history-heading");
		HorizontalLayout links = new HorizontalLayout(new Anchor("products/" + partNumber, "Product page"), download);
		add(heading, links, stages(record.stages()));
		paths.of(partNumber).ifPresent(path -> {
			Span legend = new Span("Lifecycle " + path.version() + ": passed in green, waiting in blue");
			legend.getStyle()
				.set("color", "var(--lumo-secondary-text-color)")
				.set("font-size", "var(--lumo-font-size-s)");
			add(new ProcessDiagram(path.bpmnXml(), path.passed(), path.current()), legend);
		});
		if (record.gates().isEmpty()) {
			add(new Paragraph("No gate has been opened yet."));
		}
		String currency = evidence.costCurrency(partNumber);
		for (GateRecord gate : record.gates()) {
			add(gate(gate, currency));
		}
		add(new H3("Audit trail of this product"), trail(partNumber));
		return partNumber + " gate history";
	}

	private static Div stages(List<StageChange> stages) {
		Div line = new Div();
		line.setId("history-stages");
		for (StageChange change : stages) {
			Span step = new Span(change.toStage().label() + " · " + TIME.format(change.changedAt()));
			step.getElement().getThemeList().add("badge contrast");
			step.getStyle().set("margin-right", "var(--lumo-space-s)");
			line.add(step);
		}
		return line;
	}

	private static Component gate(GateRecord gate, String currency) {
		VerticalLayout box = new VerticalLayout();
		box.setId("gate-" + gate.gate().replace(' ', '-').toLowerCase() + "-" + gate.round());
		box.addClassName("gate-record");
		box.getStyle()
			.set("border", "1px solid var(--lumo-contrast-10pct)")
			.set("border-radius", "var(--lumo-border-radius-l)");
		box.add(new H3(gate.gate() + (gate.round() > 1 ? ", round " + gate.round() : "") + " · opened "
				+ TIME.format(gate.openedAt())
				+ (gate.decidedAt() == null ? " · open" : " · decided " + TIME.format(gate.decidedAt()))));
		if (gate.recommendation() != null) {
			Div recommendation = line("Recommendation",
					GateWords.recommendation(gate.recommendation()) + (gate.reasons().isEmpty()
							? " (every condition met)" : ". Unmet: " + String.join(" ", gate.reasonWords())));
			recommendation.addClassName("gate-recommendation");
			Div evaluated = line("Evaluated by", gate.evaluatedBy());
			evaluated.addClassName("gate-evaluated-by");
			box.add(recommendation, evaluated);
		}
		if (gate.decision() != null) {
			Span decision = new Span(GateWords.recommendation(gate.decision()));
			decision.getElement().getThemeList().add(gate.overridden() ? "badge error" : "badge success");
			decision.setClassName("gate-decision");
			Div row = new Div(new Span("Decision: "), decision);
			if (gate.overridden()) {
				Span reason = new Span(" overrides the recommendation. Reason: " + gate.overrideReason());
				reason.setClassName("override-reason");
				row.add(reason);
			}
			box.add(row);
		}
		if (!gate.conditions().isEmpty()) {
			com.vaadin.flow.component.html.OrderedList list = new com.vaadin.flow.component.html.OrderedList();
			list.addClassName("gate-conditions");
			for (GateRecord.Condition condition : gate.conditions()) {
				com.vaadin.flow.component.html.ListItem item = new com.vaadin.flow.component.html.ListItem(
						condition.line());
				item.addClassName(condition.closedAt() == null ? "gate-condition-open" : "gate-condition-closed");
				list.add(item);
			}
			box.add(new H4("Conditions of the " + GateWords.GO_WITH_CONDITIONS), list);
		}
		Grid<Signature> signatures = new Grid<>();
		signatures.addClassName("gate-signatures");
		signatures.addColumn(Signature::taskName).setHeader("Signed").setAutoWidth(true).setKey("task");
		signatures.addColumn(Signature::signer).setHeader("Printed name").setAutoWidth(true).setKey("signer");
		signatures.addColumn(s -> TIME.format(s.signedAt())).setHeader("Date and time").setAutoWidth(true);
		signatures.addColumn(s -> s.meaning().label()).setHeader("Meaning").setAutoWidth(true).setKey("meaning");
		signatures.addColumn(Signature::valuesHash).setHeader("SHA-256 of signed values").setFlexGrow(1);
		List<Signature> all = new java.util.ArrayList<>(gate.readinessSignatures());
		if (gate.signature() != null) {
			all.add(gate.signature());
		}
		signatures.setItems(all);
		signatures.setAllRowsVisible(true);
		box.add(new H4("Signatures"), signatures);
		if (!gate.documents().isEmpty()) {
			Grid<io.scalegate.document.Document> files = new Grid<>();
			files.addClassName("gate-documents");
			files.addColumn(d -> d.kind().label()).setHeader("Kind").setAutoWidth(true).setKey("kind");
			files.addColumn(io.scalegate.document.Document::version).setHeader("Version").setAutoWidth(true);
			files.addColumn(io.scalegate.document.Document::fileName).setHeader("File").setAutoWidth(true);
			files.addColumn(io.scalegate.document.Document::uploadedBy).setHeader("Uploaded by").setAutoWidth(true);
			files.addColumn(d -> TIME.format(d.uploadedAt())).setHeader("Uploaded").setAutoWidth(true);
			files.addColumn(io.scalegate.document.Document::sha256)
				.setHeader("SHA-256 of the content")
				.setFlexGrow(1)
				.setKey("sha256");
			files.setItems(gate.documents());
			files.setAllRowsVisible(true);
			box.add(new H4(gate.decidedAt() == null ? "Documents on file" : "Documents on file at the decision"),
					files);
		}
		if (!gate.decisions().isEmpty()) {
			Div rules = new Div();
			rules.addClassName("gate-decisions");
			for (DecisionTrace trace : gate.distinctDecisions()) {
				rules.add(new Paragraph(trace.title() + " v" + trace.version() + " → " + trace.answer() + " · matched "
						+ trace.matched()));
			}
			Div inputs = new Div();
			inputs.addClassName("gate-inputs");
			for (Map.Entry<String, Object> input : gate.inputs().entrySet()) {
				inputs.add(line(input.getKey(), GateRecord.inputValue(input.getKey(), input.getValue(), currency)));
			}
			Details details = new Details("Rules (" + gate.processVersion() + "), inputs and matched rules",
					new VerticalLayout(new H4("Inputs"), inputs, new H4("Decisions"), rules));
			details.addClassName("gate-rules");
			box.add(details);
		}
		return box;
	}

	private Grid<AuditEntry> trail(String partNumber) {
		Grid<AuditEntry> grid = new Grid<>();
		grid.setId("history-trail");
		grid.addColumn(AuditEntry::id).setHeader("#").setAutoWidth(true).setFlexGrow(0);
		grid.addColumn(e -> TIME.format(e.occurredAt())).setHeader("When").setAutoWidth(true);
		grid.addColumn(AuditEntry::actorInWords).setHeader("Actor").setAutoWidth(true).setKey("actor");
		grid.addColumn(e -> e.action().label()).setHeader("Action").setAutoWidth(true);
		grid.addColumn(AuditEntry::details).setHeader("Details").setFlexGrow(1);
		AuditQuery query = AuditQuery.product(partNumber);
		grid.setItems(q -> search.page(query, q.getOffset(), q.getLimit()).stream(), q -> (int) search.count(query));
		grid.setHeight("360px");
		return grid;
	}

	private static Div line(String label, String value) {
		Span name = new Span(label + ": ");
		name.getStyle().set("color", "var(--lumo-secondary-text-color)");
		return new Div(name, new Span(value));
	}

}
