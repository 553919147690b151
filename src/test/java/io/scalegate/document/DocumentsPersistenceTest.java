package io.scalegate.document;

import static org.assertj.core.api.Assertions.assertThat;

import io.scalegate.ScaleGateTest;
import io.scalegate.Together;
import io.scalegate.product.ProductRegistration;
import io.scalegate.product.ProductService;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Versions count per product and kind, also when uploads race; content and kinds on file
 * read back as stored. Runs on H2 and, in Failsafe's second run, on PostgreSQL.
 */
@ScaleGateTest
class DocumentsPersistenceTest {

	@Autowired
	Documents documents;

	@Autowired
	ProductService products;

	String aProduct() {
		String number = "DOC-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		products.register(new ProductRegistration(number, "Bracket", "Kestrel Pumps", "A", "engineer", false, false),
				"engineer");
		return number;
	}

	@Test
	void uploadsAtTheSameMomentGetVersionsOneAfterTheOther() throws Exception {
		String partNumber = aProduct();

		List<Object> outcomes = Together.times(4, () -> documents.attach(partNumber, DocumentKind.DRAWING, "d.pdf",
				SampleFiles.pdf("drawing"), DocumentLinks.none(), "engineer"));

		assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome).isInstanceOf(Document.class));
		assertThat(outcomes.stream().map(outcome -> ((Document) outcome).version())).containsExactlyInAnyOrder(1, 2, 3,
				4);
		assertThat(documents
			.attach(partNumber, DocumentKind.PFMEA, "p.pdf", SampleFiles.pdf("pfmea"), DocumentLinks.none(), "engineer")
			.version()).isEqualTo(1);
	}

	@Test
	void contentLinksAndKindsOnFileReadBackAsStored() throws Exception {
		String partNumber = aProduct();
		byte[] report = SampleFiles.pdf("first article");
		String taskId = productTasks.taskIds(partNumber, 1).get(0);
		Document document = documents.attach(partNumber, DocumentKind.FIRST_ARTICLE_INSPECTION,
				"C:\\fakepath\\fai\u0000.pdf", report, DocumentLinks.task(taskId, "inspectionStandardApproval"),
				"quality");

		assertThat(document.fileName()).isEqualTo("fai.pdf");
		assertThat(documents.open(partNumber, document.id()).readAllBytes()).isEqualTo(report);
		assertThat(documents.ofTask(partNumber, taskId)).extracting(Document::id).contains(document.id());
		assertThat(documents.of(partNumber).get(0).links().taskKey()).isEqualTo("inspectionStandardApproval");
		assertThat(documents.kindsOnFile(partNumber)).containsExactly(DocumentKind.FIRST_ARTICLE_INSPECTION);
		assertThat(documents.kindsOnFile(aProduct())).isEmpty();
	}

	@Autowired
	io.scalegate.audit.ProductTasks productTasks;

	@Test
	void aDocumentIsNotFiledUnderAnotherProductsTask() throws Exception {
		String mine = aProduct();
		String othersTask = productTasks.taskIds(aProduct(), 1).get(0);

		org.assertj.core.api.Assertions
			.assertThatThrownBy(() -> documents.attach(mine, DocumentKind.INSPECTION_REPORT, "r.pdf",
					SampleFiles.pdf("report"), DocumentLinks.task(othersTask, "gateReview"), "quality"))
			.isInstanceOf(io.scalegate.base.InvalidInput.class)
			.hasMessageContaining("taskId")
			.hasMessageContaining("is not a task of " + mine);
		assertThat(documents.of(mine)).isEmpty();
	}

}
