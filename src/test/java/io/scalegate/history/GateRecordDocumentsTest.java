package io.scalegate.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import io.scalegate.ScaleGateTest;
import io.scalegate.document.Document;
import io.scalegate.document.DocumentKind;
import io.scalegate.document.DocumentLinks;
import io.scalegate.document.Documents;
import io.scalegate.document.SampleFiles;
import io.scalegate.gate.process.Lifecycles;
import io.scalegate.product.Product;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The signed gate record lists the product's documents on file at the decision, each with
 * its SHA-256; a document attached later is not among them.
 */
@ScaleGateTest
class GateRecordDocumentsTest {

	@Autowired
	Lifecycles lifecycles;

	@Autowired
	Documents documents;

	@Autowired
	GateHistory history;

	@Autowired
	GateRecordPdf pdf;

	@Test
	void theGateRecordListsTheDocumentsOnFileAtTheDecisionWithTheirHashes() throws Exception {
		Product product = lifecycles.aProduct(false);
		Document drawing = documents.attach(product.partNumber(), DocumentKind.DRAWING, "bracket-A.pdf",
				SampleFiles.pdf("drawing A"), DocumentLinks.none(), "engineer");
		lifecycles.passGate1(product);
		Document later = documents.attach(product.partNumber(), DocumentKind.DRAWING, "bracket-B.pdf",
				SampleFiles.pdf("drawing B"), DocumentLinks.none(), "engineer");

		GateRecord gate1 = history.of(product.partNumber()).gates().get(0);
		assertThat(gate1.documents()).extracting(Document::id).containsExactly(drawing.id());

		PdfReader reader = new PdfReader(pdf.of(product.partNumber(), "Ada Auditor (auditor)"));
		StringBuilder text = new StringBuilder();
		PdfTextExtractor extractor = new PdfTextExtractor(reader);
		for (int page = 1; page <= reader.getNumberOfPages(); page++) {
			text.append(extractor.getTextFromPage(page)).append('\n');
		}
		assertThat(text.toString())
			.contains("Documents on file at the decision", "Drawing", "bracket-A.pdf", "engineer", drawing.sha256())
			.doesNotContain(later.sha256());
	}

}
