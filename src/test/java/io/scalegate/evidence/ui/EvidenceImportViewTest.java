package io.scalegate.evidence.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import io.scalegate.KaribuTest;
import io.scalegate.evidence.EvidenceKind;
import io.scalegate.evidence.EvidenceRows;
import io.scalegate.gate.process.Lifecycles;
import io.scalegate.product.Product;
import io.scalegate.product.ProductService;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class EvidenceImportViewTest extends KaribuTest {

	@Autowired
	Lifecycles lifecycles;

	@Autowired
	EvidenceRows recorded;

	@Autowired
	ProductService products;

	private EvidenceImportView open(String user, String role) {
		login(user, role);
		UI.getCurrent().navigate("import");
		return _get(EvidenceImportView.class);
	}

	private static void upload(EvidenceImportView view, String csv) {
		view.read("history.csv", csv.getBytes(StandardCharsets.UTF_8));
		view.running.handle((result, failure) -> null).join();
		MockVaadin.clientRoundtrip();
	}

	private static String status() {
		return _get(Span.class, spec -> spec.withId("import-status")).getText();
	}

	@Test
	void aQualityEngineerImportsAYearOfOrdersAndTheReadinessFollows() {
		Product product = lifecycles.aProduct(false);
		StringBuilder csv = new StringBuilder("partNumber;orderMonth;quantity;customer\n");
		YearMonth month = YearMonth.now().minusMonths(12);
		for (int i = 0; i < 12; i++) {
			csv.append(product.partNumber())
				.append(';')
				.append(month.plusMonths(i))
				.append(';')
				.append(1000 + (i % 3) * 50)
				.append(";Kestrel Pumps\n");
		}
		EvidenceImportView view = open("quality", "QUALITY");
		_get(Select.class, spec -> spec.withId("import-kind")).setValue(EvidenceKind.ORDER);

		upload(view, csv.toString());
		assertThat(status()).contains("all 12 rows are fine");
		assertThat(_size(_get(Grid.class, spec -> spec.withId("import-preview")))).isEqualTo(12);
		assertThat(recorded.of(EvidenceKind.ORDER, product.id())).as("nothing before commit").isEmpty();

		_click(_get(Button.class, spec -> spec.withId("import-commit")));
		view.running.handle((result, failure) -> null).join();
		MockVaadin.clientRoundtrip();

		assertThat(status()).startsWith("Recorded 12 orders");
		assertThat(recorded.of(EvidenceKind.ORDER, product.id())).hasSize(12);
		assertThat(products.get(product.partNumber()).blockers()).doesNotContain("DEMAND_NOT_STABLE");
	}

	@Test
	void aBrokenFileIsReportedRowByRowAndNothingIsRecorded() {
		Product product = lifecycles.aProduct(false);
		String yesterday = LocalDate.now().minusDays(1).toString();
		String csv = """
				partNumber,batchNumber,quantity,dimensionalResult,finishResult,inspectionResult,promisedOn,deliveredOn
				%1$s,B-1,200,PASS,PASS,PASS,%2$s,%2$s
				%1$s,B-2,lots,PASS,PASS,PASS,%2$s,
				%1$s,B-1,200,PASS,MAYBE,PASS,%2$s,
				NO-SUCH-PART,B-4,200,PASS,PASS,PASS,%2$s,
				%1$s,B-5,200,PASS,PASS,PASS,next week,
				""".formatted(product.partNumber(), yesterday);
		EvidenceImportView view = open("supplier", "SUPPLIER_QUALITY");
		_get(Select.class, spec -> spec.withId("import-kind")).setValue(EvidenceKind.SMALL_BATCH);

		upload(view, csv);

		assertThat(status()).contains("1 rows fine, 4 rows with errors");
		Grid<?> problems = _get(Grid.class, spec -> spec.withId("import-problems"));
		assertThat(_size(problems)).isEqualTo(4);
		assertThat(problems.getListDataView().getItems().map(Object::toString)).containsExactly(
				"RowProblem[line=3, field=quantity, message='lots' is not a whole number]",
				"RowProblem[line=4, field=finishResult, message='MAYBE' is neither PASS nor FAIL]",
				"RowProblem[line=5, field=partNumber, message=no product with part number NO-SUCH-PART]",
				"RowProblem[line=6, field=promisedOn, message='next week' is not a date like 2026-11-25]");
		assertThat(_get(Button.class, spec -> spec.withId("import-commit")).isEnabled()).isFalse();
		assertThat(recorded.of(EvidenceKind.SMALL_BATCH, product.id())).isEmpty();
	}

	@Test
	void aFileWithoutTheColumnsIsRefusedWithTheColumnsNamed() {
		EvidenceImportView view = open("quality", "QUALITY");
		_get(Select.class, spec -> spec.withId("import-kind")).setValue(EvidenceKind.ORDER);

		upload(view, "part,month,qty\nA,2026-01,3\n");

		assertThat(status()).contains("lacks the columns partNumber, orderMonth, quantity, customer")
			.contains("Nothing was recorded");
	}

	@Test
	void duplicatesWithinTheFileAreFound() {
		Product product = lifecycles.aProduct(false);
		String yesterday = LocalDate.now().minusDays(1).toString();
		EvidenceImportView view = open("quality", "QUALITY");
		_get(Select.class, spec -> spec.withId("import-kind")).setValue(EvidenceKind.SMALL_BATCH);

		upload(view,
				"partNumber,batchNumber,quantity,dimensionalResult,finishResult,inspectionResult,promisedOn\n"
						+ product.partNumber() + ",B-1,10,PASS,PASS,PASS," + yesterday + "\n" + product.partNumber()
						+ ",B-1,10,pass,pass,pass," + yesterday + "\n");

		assertThat(status()).contains("1 rows with errors");
		assertThat(_get(Grid.class, spec -> spec.withId("import-problems")).getListDataView()
			.getItems()
			.map(Object::toString))
			.containsExactly("RowProblem[line=3, field=batchNumber, message=B-1 appears already on row 2]");
	}

}
