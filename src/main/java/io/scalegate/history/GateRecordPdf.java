package io.scalegate.history;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import io.scalegate.audit.AuditTrail;
import io.scalegate.audit.AuditVerification;
import io.scalegate.base.Count;
import io.scalegate.evidence.EvidenceService;
import io.scalegate.gate.GateWords;
import io.scalegate.history.GateHistory.ProductHistory;
import io.scalegate.history.GateRecord.DecisionTrace;
import io.scalegate.product.Product;
import io.scalegate.product.StageChange;
import io.scalegate.task.Signature;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The signed gate record of a product as PDF: for every gate, each signature's
 * manifestation (printed name, date and time, meaning; 21 CFR Part 11 §11.50) with the
 * hash of the values it signed, the rules' inputs and answers with their versions (in
 * words, with units), who they were evaluated for, the deliverables checklist they were
 * given (required and missing documents), and the decision with any override reason.
 */
@Component
public class GateRecordPdf {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
		.withZone(ZoneOffset.UTC);

	private static final Font TITLE = new Font(Font.HELVETICA, 16, Font.BOLD);

	private static final Font HEADING = new Font(Font.HELVETICA, 12, Font.BOLD);

	private static final Font BODY = new Font(Font.HELVETICA, 9);

	private static final Font SMALL = new Font(Font.HELVETICA, 7);

	private static final Font HASH = new Font(Font.COURIER, 7);

	private final GateHistory history;

	private final AuditTrail trail;

	private final Clock clock;

	private final EvidenceService evidence;

	GateRecordPdf(GateHistory history, AuditTrail trail, Clock clock, EvidenceService evidence) {
		this.evidence = evidence;
		this.history = history;
		this.trail = trail;
		this.clock = clock;
	}

	public byte[] of(String partNumber, String printedBy) {
		ProductHistory record = history.of(partNumber);
		Product product = record.product();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Document document = new Document(PageSize.A4, 40, 40, 40, 40);
		try {
			PdfWriter.getInstance(document, out);
			document.addTitle("Gate record " + product.partNumber());
			document.addCreator("ScaleGate");
			document.open();
			document.add(new Paragraph("Gate record: " + product.partNumber() + " · " + product.name(), TITLE));
			document.add(new Paragraph("Customer " + product.customer() + " · revision " + product.revision()
					+ " · owner " + product.owner() + " · stage now " + product.stage().label(), BODY));
			AuditVerification chain = trail.verify();
			document.add(new Paragraph("Printed " + TIME.format(clock.instant()) + " by " + printedBy + ". Audit trail "
					+ (chain.intact() ? "verified intact" : "BROKEN at entry " + chain.firstBrokenEntry()) + " ("
					+ Count.of(chain.entries(), "entry", "entries") + ").", SMALL));
			document.add(new Paragraph("Stages", HEADING));
			for (StageChange change : record.stages()) {
				document.add(new Paragraph(TIME.format(change.changedAt()) + "  " + change.toStage().label(), BODY));
			}
			String currency = evidence.costCurrency(partNumber);
			for (GateRecord gate : record.gates()) {
				gate(document, gate, currency);
			}
			document.close();
		}
		catch (DocumentException e) {
			throw new IllegalStateException("cannot write the gate record", e);
		}
		return out.toByteArray();
	}

	private static void gate(Document document, GateRecord gate, String currency) throws DocumentException {
		Paragraph heading = new Paragraph(gate.gate() + ", round " + gate.round() + " (" + gate.processVersion() + ")",
				HEADING);
		heading.setSpacingBefore(12);
		document.add(heading);
		document.add(new Paragraph("Opened " + TIME.format(gate.openedAt())
				+ (gate.decidedAt() == null ? ", not decided yet" : ", decided " + TIME.format(gate.decidedAt())),
				BODY));
		if (gate.recommendation() != null) {
			document
				.add(new Paragraph(
						"Recommendation: " + GateWords.recommendation(gate.recommendation()) + (gate.reasons().isEmpty()
								? " (every condition met)" : ". Unmet: " + String.join(" ", gate.reasonWords())),
						BODY));
			document.add(new Paragraph("Evaluated by " + gate.evaluatedBy() + ".", BODY));
			if (gate.deliverables() != null) {
				document.add(new Paragraph(gate.deliverables().words(), BODY));
			}
		}
		if (gate.decision() != null) {
			document
				.add(new Paragraph(
						"Decision: " + GateWords.recommendation(gate.decision())
								+ (gate.overridden()
										? " — OVERRIDES the recommendation. Reason: " + gate.overrideReason() : ""),
						BODY));
		}
		if (!gate.conditions().isEmpty()) {
			document.add(new Paragraph("Conditions of the " + GateWords.GO_WITH_CONDITIONS + ":", BODY));
			int n = 1;
			for (GateRecord.Condition condition : gate.conditions()) {
				document.add(new Paragraph(n++ + ". " + condition.line(), BODY));
			}
		}
		PdfPTable signatures = new PdfPTable(new float[] { 2.6f, 3.6f, 2.2f, 1.2f });
		signatures.setWidthPercentage(100);
		signatures.setSpacingBefore(4);
		for (String header : new String[] { "Signed", "Printed name (user id)", "Date and time", "Meaning" }) {
			PdfPCell cell = new PdfPCell(new Phrase(header, SMALL));
			cell.setGrayFill(0.9f);
			signatures.addCell(cell);
		}
		for (Signature signature : gate.readinessSignatures()) {
			row(signatures, signature);
		}
		if (gate.signature() != null) {
			row(signatures, gate.signature());
		}
		document.add(signatures);
		if (!gate.inputs().isEmpty()) {
			document.add(new Paragraph("Decision inputs", BODY));
			PdfPTable inputs = new PdfPTable(new float[] { 3, 2 });
			inputs.setWidthPercentage(70);
			inputs.setHorizontalAlignment(Element.ALIGN_LEFT);
			for (Map.Entry<String, Object> input : gate.inputs().entrySet()) {
				inputs.addCell(new Phrase(input.getKey(), SMALL));
				inputs.addCell(new Phrase(GateRecord.inputValue(input.getKey(), input.getValue(), currency), SMALL));
			}
			document.add(inputs);
		}
		for (DecisionTrace trace : gate.distinctDecisions()) {
			document
				.add(new Paragraph(trace.title() + " v" + trace.version() + " at " + TIME.format(trace.evaluatedAt())
						+ ": " + trace.answer() + "; matched " + trace.matched(), SMALL));
		}
		documents(document, gate);
	}

	/**
	 * The documents on file at the decision: kind, version, file, who and when on one
	 * row, the SHA-256 of the content on a row of its own.
	 */
	private static void documents(Document document, GateRecord gate) throws DocumentException {
		if (gate.documents().isEmpty()) {
			document.add(new Paragraph(
					gate.decidedAt() == null ? "No documents on file." : "No documents on file at the decision.",
					BODY));
			return;
		}
		document.add(new Paragraph(gate.decidedAt() == null ? "Documents on file" : "Documents on file at the decision",
				BODY));
		PdfPTable table = new PdfPTable(new float[] { 2.6f, 0.8f, 3.2f, 2.2f, 2.2f });
		table.setWidthPercentage(100);
		table.setSpacingBefore(4);
		for (String header : new String[] { "Kind", "Version", "File", "Uploaded by", "Uploaded" }) {
			PdfPCell cell = new PdfPCell(new Phrase(header, SMALL));
			cell.setGrayFill(0.9f);
			table.addCell(cell);
		}
		for (io.scalegate.document.Document file : gate.documents()) {
			table.addCell(new Phrase(file.kind().label(), SMALL));
			table.addCell(new Phrase(String.valueOf(file.version()), SMALL));
			table.addCell(new Phrase(file.fileName(), SMALL));
			table.addCell(new Phrase(file.uploadedBy(), SMALL));
			table.addCell(new Phrase(TIME.format(file.uploadedAt()), SMALL));
			Phrase hash = new Phrase("SHA-256 of the content: ", SMALL);
			hash.add(new Chunk(file.sha256(), HASH));
			PdfPCell cell = new PdfPCell(hash);
			cell.setColspan(5);
			table.addCell(cell);
		}
		document.add(table);
	}

	/**
	 * A signature: its manifestation on one row, and the hash of what it signed on a row
	 * of its own, in a fixed-width font that keeps its 64 digits on one line.
	 */
	private static void row(PdfPTable table, Signature signature) {
		table.addCell(new Phrase(signature.taskName(), SMALL));
		table.addCell(new Phrase(signature.signer(), SMALL));
		table.addCell(new Phrase(TIME.format(signature.signedAt()), SMALL));
		table.addCell(new Phrase(signature.meaning().label(), SMALL));
		Phrase hash = new Phrase("SHA-256 of the signed values: ", SMALL);
		hash.add(new Chunk(signature.valuesHash(), HASH));
		PdfPCell cell = new PdfPCell(hash);
		cell.setColspan(4);
		table.addCell(cell);
	}

}
