package io.scalegate.document.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._getCellComponent;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.UploadKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.upload.Upload;
import io.scalegate.KaribuTest;
import io.scalegate.base.Sha256;
import io.scalegate.base.ui.UploadField;
import io.scalegate.document.Document;
import io.scalegate.document.DocumentKind;
import io.scalegate.document.DocumentLinks;
import io.scalegate.document.Documents;
import io.scalegate.document.SampleFiles;
import io.scalegate.gate.process.Lifecycles;
import io.scalegate.product.Product;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The product page's documents: quality uploads an inspection report through the Upload
 * and sees it listed with its hash and a download link; a file refused by its content is
 * named on the upload and nothing is kept; an auditor reads but gets no upload.
 */
class DocumentsPanelViewTest extends KaribuTest {

	@Autowired
	Lifecycles lifecycles;

	@Autowired
	Documents documents;

	Product product;

	@BeforeEach
	void aProduct() {
		product = lifecycles.aProduct(false);
	}

	DocumentsPanel open(String user, String role) {
		login(user, role);
		UI.getCurrent().navigate("products/" + product.partNumber());
		return _get(DocumentsPanel.class, spec -> spec.withId("product-documents"));
	}

	@SuppressWarnings("unchecked")
	static Select<DocumentKind> kind(DocumentsPanel panel) {
		return _get(panel, Select.class, spec -> spec.withClasses("document-kind"));
	}

	@SuppressWarnings("unchecked")
	static Grid<Document> grid(DocumentsPanel panel) {
		return _get(panel, Grid.class, spec -> spec.withClasses("documents-grid"));
	}

	@Test
	void qualityUploadsAnInspectionReportAndSeesItWithItsHashAndADownloadLink() {
		DocumentsPanel panel = open("quality", "QUALITY");
		byte[] report = SampleFiles.pdf("inspection 12");

		kind(panel).setValue(DocumentKind.INSPECTION_REPORT);
		UploadKt._upload(_get(panel, Upload.class), "inspection-12.pdf", "application/pdf", report);

		assertThat(documents.of(product.partNumber())).singleElement().satisfies(document -> {
			assertThat(document.sha256()).isEqualTo(Sha256.hex(report));
			assertThat(document.uploadedBy()).isEqualTo("quality");
			assertThat(document.kind()).isEqualTo(DocumentKind.INSPECTION_REPORT);
		});
		Grid<Document> grid = grid(panel);
		assertThat(_size(grid)).isEqualTo(1);
		Anchor download = (Anchor) _getCellComponent(grid, 0, "file");
		assertThat(download.getText()).isEqualTo("inspection-12.pdf");
		assertThat(download.getHref()).isNotBlank();
		Span hash = (Span) _getCellComponent(grid, 0, "sha256");
		assertThat(hash.getText()).isEqualTo(Sha256.hex(report).substring(0, 12) + "…");
		assertThat(hash.getTitle()).hasValue(Sha256.hex(report));
		assertThat(_get(panel, UploadField.class).isInvalid()).isFalse();
	}

	@Test
	void aFileRefusedByItsContentIsNamedOnTheUploadAndNothingIsKept() {
		DocumentsPanel panel = open("quality", "QUALITY");

		kind(panel).setValue(DocumentKind.INSPECTION_REPORT);
		UploadKt._upload(_get(panel, Upload.class), "report.pdf", "application/pdf", SampleFiles.zip());

		UploadField file = _get(panel, UploadField.class);
		assertThat(file.isInvalid()).isTrue();
		assertThat(file.getErrorMessage()).contains("application/zip", "not allowed");
		assertThat(documents.of(product.partNumber())).isEmpty();
	}

	@Test
	void anUploadWithoutAKindIsNamedOnTheKind() {
		DocumentsPanel panel = open("quality", "QUALITY");

		UploadKt._upload(_get(panel, Upload.class), "report.pdf", "application/pdf", SampleFiles.pdf("x"));

		assertThat(kind(panel).isInvalid()).isTrue();
		assertThat(kind(panel).getErrorMessage()).isEqualTo("is required");
		assertThat(documents.of(product.partNumber())).isEmpty();
	}

	@Test
	void anEngineerIsOfferedOnlyTheKindsEngineersAttach() {
		DocumentsPanel panel = open("engineer", "ENGINEER");

		assertThat(kind(panel).getListDataView().getItems()).contains(DocumentKind.DRAWING, DocumentKind.PFMEA)
			.doesNotContain(DocumentKind.INSPECTION_REPORT, DocumentKind.MATERIAL_CERTIFICATE);
	}

	@Test
	void anAuditorReadsTheDocumentsButGetsNoUpload() {
		documents.attach(product.partNumber(), DocumentKind.MATERIAL_CERTIFICATE, "cert.png", SampleFiles.png(),
				DocumentLinks.none().withEvidence("SMALL_BATCH", null), "supplier");

		DocumentsPanel panel = open("auditor", "AUDITOR");

		assertThat(_size(grid(panel))).isEqualTo(1);
		assertThat(_find(panel, Upload.class)).isEmpty();
		assertThat(_find(Upload.class)).as("nowhere on the page").isEmpty();
		DocumentsPanel batches = _get(DocumentsPanel.class, spec -> spec.withId("evidence-documents-small-batch"));
		assertThat(_size(grid(batches))).as("listed under the evidence it belongs to").isEqualTo(1);
		assertThat(grid(batches).getColumnByKey("kind")).isNotNull();
	}

}
