package io.scalegate.demo;

import com.lowagie.text.Document;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfWriter;
import io.scalegate.document.DocumentKind;
import io.scalegate.document.DocumentLinks;
import io.scalegate.document.Documents;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;
import org.springframework.stereotype.Component;

/**
 * A few small documents on demo products, made in memory (a PDF with OpenPDF, a PNG with
 * ImageIO) and attached through {@link Documents} by the demo accounts who would attach
 * them: checked by content, versioned and audited like anyone's.
 */
@Component
class DemoDocuments {

	private final Documents documents;

	DemoDocuments(Documents documents) {
		this.documents = documents;
	}

	/** The drawing an engineer files with a new prototype (Gate 1's deliverable). */
	void drawing(String partNumber) {
		attach(partNumber, DocumentKind.DRAWING, partNumber + "-drawing.pdf",
				pdf(partNumber + " drawing, revision A", "General tolerances ISO 2768-mK."), "engineer");
	}

	/**
	 * The first-article and PPAP documents filed during small batch (Gate 2's
	 * deliverables, bpmn/gate-deliverables.dmn), but those {@code missing}: a demo
	 * product short of one shows how the readiness names it.
	 */
	void smallBatchFile(String partNumber, DocumentKind... missing) {
		java.util.Set<DocumentKind> left = java.util.Set.of(missing);
		if (!left.contains(DocumentKind.FIRST_ARTICLE_INSPECTION)) {
			attach(partNumber, DocumentKind.FIRST_ARTICLE_INSPECTION, partNumber + "-first-article-inspection.pdf",
					pdf(partNumber + " first-article inspection report (AS9102 forms 1-3)",
							"All characteristics of the drawing measured on the first small-batch part: conforming."),
					"quality");
		}
		if (!left.contains(DocumentKind.MATERIAL_CERTIFICATE)) {
			attach(partNumber, DocumentKind.MATERIAL_CERTIFICATE, partNumber + "-material-certificate.png", png(),
					"supplier");
		}
		if (!left.contains(DocumentKind.CONTROL_PLAN)) {
			attach(partNumber, DocumentKind.CONTROL_PLAN, partNumber + "-control-plan.pdf",
					pdf(partNumber + " control plan", "Characteristics, methods, sample sizes and reaction plans."),
					"quality");
		}
		if (!left.contains(DocumentKind.PPAP_SUBMISSION_WARRANT)) {
			attach(partNumber, DocumentKind.PPAP_SUBMISSION_WARRANT, partNumber + "-part-submission-warrant.pdf",
					pdf(partNumber + " part submission warrant", "Submitted at PPAP level 3."), "quality");
		}
	}

	/** Inspection reports quality filed beside the deliverables on two products. */
	void load() {
		for (String partNumber : new String[] { "BRK-1001", "VLV-5200" }) {
			attach(partNumber, DocumentKind.INSPECTION_REPORT, partNumber + "-inspection-report.pdf",
					pdf(partNumber + " inspection report", "Dimensional, finish and visual inspection: all pass."),
					"quality");
		}
	}

	private void attach(String partNumber, DocumentKind kind, String fileName, byte[] content, String by) {
		documents.attach(partNumber, kind, fileName, content, DocumentLinks.none(), by);
	}

	private static byte[] pdf(String title, String text) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Document document = new Document();
		PdfWriter.getInstance(document, out);
		document.open();
		document.add(new Paragraph(title));
		document.add(new Paragraph(text));
		document.close();
		return out.toByteArray();
	}

	/** A small certificate-like image: a stamp on white. */
	private static byte[] png() {
		BufferedImage image = new BufferedImage(120, 60, BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = image.createGraphics();
		graphics.setColor(Color.WHITE);
		graphics.fillRect(0, 0, 120, 60);
		graphics.setColor(new Color(0, 90, 160));
		graphics.drawRect(10, 10, 100, 40);
		graphics.fillOval(50, 20, 20, 20);
		graphics.dispose();
		try {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			ImageIO.write(image, "png", out);
			return out.toByteArray();
		}
		catch (IOException impossible) {
			throw new UncheckedIOException(impossible);
		}
	}

}
