package io.scalegate.dossier;

import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import io.scalegate.KaribuTest;
import io.scalegate.base.ui.PageAddress;
import io.scalegate.base.ui.PageNotFoundView;
import io.scalegate.evidence.CostEstimate;
import io.scalegate.evidence.EvidenceKind;
import io.scalegate.evidence.EvidenceRows;
import io.scalegate.evidence.Result;
import io.scalegate.gate.process.Lifecycles;
import io.scalegate.product.Product;
import io.scalegate.product.ProductService;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ProductPageViewTest extends KaribuTest {

	@Autowired
	Lifecycles lifecycles;

	@Autowired
	EvidenceRows recorded;

	@Autowired
	ProductService products;

	private static String verdictText() {
		return _get(Div.class, spec -> spec.withId("readiness-verdict")).getElement().getTextRecursively();
	}

	private static String signal(String name) {
		return _get(Div.class, spec -> spec.withId("signal-" + name)).getElement().getAttribute("data-met");
	}

	private static String recommendation() {
		return _get(Span.class, spec -> spec.withId("readiness-recommendation")).getText();
	}

	@Test
	void showsTheStageTimelineWithTheGatesSignatures() {
		login("auditor", "AUDITOR");
		UI.getCurrent().navigate("products/BRK-1001");

		assertThat(_get(H2.class, spec -> spec.withId("product-heading")).getText()).startsWith("BRK-1001");
		assertThat(
				_get(Div.class, spec -> spec.withId("step-MASS_PRODUCTION")).getElement().getAttribute("data-current"))
			.isEqualTo("true");
		assertThat(_get(Div.class, spec -> spec.withId("stage-timeline")).getElement().getTextRecursively())
			.contains("Go: mass production", "since")
			.doesNotContain("GO_MASS_PRODUCTION", "GO MASS PRODUCTION");
		assertThat(_find(Button.class, spec -> spec.withId("add-small-batch"))).as("auditors record nothing").isEmpty();
		assertThat(_size(_get(Grid.class, spec -> spec.withId("grid-small-batch")))).isPositive();
	}

	@Test
	void anUnknownPartNumberIsNotFound() {
		login("auditor", "AUDITOR");
		UI.getCurrent().navigate("products/NO-SUCH-PART");
		assertThat(_get(PageNotFoundView.class).getElement().getTextRecursively()).contains("Page not found",
				"No product with part number NO-SUCH-PART.");

		UI.getCurrent().navigate("products/NO-SUCH-PART/history");
		assertThat(_get(PageNotFoundView.class).getElement().getTextRecursively())
			.contains("No product with part number NO-SUCH-PART.");
	}

	@Test
	void theEvidenceTabIsInTheAddress() {
		login("auditor", "AUDITOR");
		UI.getCurrent()
			.navigate("products/BRK-1001", QueryParameters.full(Map.of("tab", new String[] { "capability-study" })));
		TabSheet tabs = _get(TabSheet.class, spec -> spec.withId("evidence-tabs"));
		assertThat(tabs.getSelectedTab().getId()).hasValue("tab-capability-study");

		tabs.setSelectedTab(_get(Tab.class, spec -> spec.withId("tab-order")));
		assertThat(PageAddress.shown(UI.getCurrent()).getPathWithQueryParameters())
			.isEqualTo("products/BRK-1001?tab=order");
		tabs.setSelectedTab(_get(Tab.class, spec -> spec.withId("tab-small-batch")));
		assertThat(PageAddress.shown(UI.getCurrent()).getPathWithQueryParameters()).isEqualTo("products/BRK-1001");

		UI.getCurrent()
			.navigate("products/BRK-1001", QueryParameters.full(Map.of("tab", new String[] { "no-such-tab" })));
		assertThat(_get(TabSheet.class, spec -> spec.withId("evidence-tabs")).getSelectedTab().getId())
			.hasValue("tab-small-batch");
	}

	@Test
	void aQualityEngineerAddsABatchAndTheReadinessFollows() {
		Product product = lifecycles.aProductReadyForGate2(false);
		login("quality", "QUALITY");
		UI.getCurrent().navigate("products/" + product.partNumber());
		assertThat(signal("SUPPLIER_REPEATABLE")).isEqualTo("false");
		int before = recorded.of(EvidenceKind.SMALL_BATCH, product.id()).size();

		_click(_get(Button.class, spec -> spec.withId("add-small-batch")));
		_get(TextField.class, spec -> spec.withId("field-batchNumber")).setValue("B0");
		_get(IntegerField.class, spec -> spec.withId("field-quantity")).setValue(0);
		_click(_get(Button.class, spec -> spec.withId("save-evidence")));
		assertThat(_get(TextField.class, spec -> spec.withId("field-batchNumber")).getErrorMessage())
			.isEqualTo("B0 is already recorded for " + product.partNumber());
		assertThat(_get(IntegerField.class, spec -> spec.withId("field-quantity")).getErrorMessage())
			.isEqualTo("must be at least 1");
		assertThat(_get(DatePicker.class, spec -> spec.withId("field-promisedOn")).isInvalid()).isTrue();
		assertThat(recorded.of(EvidenceKind.SMALL_BATCH, product.id())).hasSize(before);

		_get(TextField.class, spec -> spec.withId("field-batchNumber")).setValue("B9");
		_get(IntegerField.class, spec -> spec.withId("field-quantity")).setValue(250);
		_get(Select.class, spec -> spec.withId("field-dimensionalResult")).setValue(Result.PASS);
		_get(Select.class, spec -> spec.withId("field-finishResult")).setValue(Result.FAIL);
		_get(Select.class, spec -> spec.withId("field-inspectionResult")).setValue(Result.PASS);
		_get(DatePicker.class, spec -> spec.withId("field-promisedOn")).setValue(LocalDate.now().minusDays(2));
		_get(DatePicker.class, spec -> spec.withId("field-deliveredOn")).setValue(LocalDate.now().minusDays(1));
		_click(_get(Button.class, spec -> spec.withId("save-evidence")));

		assertThat(recorded.of(EvidenceKind.SMALL_BATCH, product.id())).hasSize(before + 1);
		assertThat(_get(IntegerField.class, spec -> spec.withId("what-if-supplierBatchesDelivered")).getValue())
			.isZero();
		assertThat(_find(com.vaadin.flow.component.Svg.class)).isNotEmpty();
	}

	@Test
	void aCostBeyondWhatTheColumnHoldsIsRefusedBesideTheFieldWithTheRange() {
		Product product = lifecycles.aProduct(false);
		login("engineer", "ENGINEER");
		UI.getCurrent().navigate("products/" + product.partNumber());

		_get(TabSheet.class).setSelectedIndex(3);
		_click(_get(Button.class, spec -> spec.withId("add-cost-estimate")));
		_get(DatePicker.class, spec -> spec.withId("field-estimatedOn")).setValue(LocalDate.now());
		_get(TextField.class, spec -> spec.withId("field-currency")).setValue("EUR");
		_get(BigDecimalField.class, spec -> spec.withId("field-smallBatchUnitCost"))
			.setValue(new BigDecimal("12345678901"));
		_get(BigDecimalField.class, spec -> spec.withId("field-massUnitCost")).setValue(new BigDecimal("5"));
		_get(BigDecimalField.class, spec -> spec.withId("field-toolingInvestment")).setValue(new BigDecimal("1e15"));
		_get(IntegerField.class, spec -> spec.withId("field-forecastAnnualVolume")).setValue(20000);
		_click(_get(Button.class, spec -> spec.withId("save-evidence")));

		assertThat(_get(BigDecimalField.class, spec -> spec.withId("field-smallBatchUnitCost")).getErrorMessage())
			.isEqualTo("must be from 0 to 9999999999.9999 with at most 4 decimal places");
		assertThat(_get(BigDecimalField.class, spec -> spec.withId("field-toolingInvestment")).getErrorMessage())
			.isEqualTo("must be from 0 to 99999999999999.99 with at most 2 decimal places");
		assertThat(recorded.<CostEstimate>of(EvidenceKind.COST_ESTIMATE, product.id())).isEmpty();
	}

	@Test
	void anEngineerRecordsACostEstimateAndEditsIt() {
		Product product = lifecycles.aProduct(false);
		login("engineer", "ENGINEER");
		UI.getCurrent().navigate("products/" + product.partNumber());

		_get(TabSheet.class).setSelectedIndex(3);
		_click(_get(Button.class, spec -> spec.withId("add-cost-estimate")));
		_get(DatePicker.class, spec -> spec.withId("field-estimatedOn")).setValue(LocalDate.now());
		_get(TextField.class, spec -> spec.withId("field-currency")).setValue("eur");
		_get(BigDecimalField.class, spec -> spec.withId("field-smallBatchUnitCost")).setValue(new BigDecimal("12"));
		_get(BigDecimalField.class, spec -> spec.withId("field-massUnitCost")).setValue(new BigDecimal("5"));
		_get(BigDecimalField.class, spec -> spec.withId("field-toolingInvestment")).setValue(new BigDecimal("50000"));
		_get(IntegerField.class, spec -> spec.withId("field-forecastAnnualVolume")).setValue(20000);
		_click(_get(Button.class, spec -> spec.withId("save-evidence")));
		assertThat(recorded.<CostEstimate>of(EvidenceKind.COST_ESTIMATE, product.id())).singleElement()
			.satisfies(c -> assertThat(c.currency()).isEqualTo("EUR"));
		assertThat(signal("TOOLING_PAYS")).isEqualTo("true");

		_click((Button) com.github.mvysny.kaributesting.v10.GridKt
			._getCellComponent(_get(Grid.class, spec -> spec.withId("grid-cost-estimate")), 0, "edit"));
		_get(BigDecimalField.class, spec -> spec.withId("field-massUnitCost")).setValue(new BigDecimal("11.9"));
		_click(_get(Button.class, spec -> spec.withId("save-evidence")));
		assertThat(_get(com.vaadin.flow.component.textfield.TextArea.class, spec -> spec.withId("field-reason"))
			.getErrorMessage()).isEqualTo("is required");
		_get(com.vaadin.flow.component.textfield.TextArea.class, spec -> spec.withId("field-reason"))
			.setValue("supplier quote of 3 Nov");
		_click(_get(Button.class, spec -> spec.withId("save-evidence")));
		assertThat(recorded.<CostEstimate>of(EvidenceKind.COST_ESTIMATE, product.id())).singleElement()
			.satisfies(c -> assertThat(c.massUnitCost()).isEqualByComparingTo("11.9"));
		assertThat(signal("TOOLING_PAYS")).isEqualTo("false");
		_get(TabSheet.class).setSelectedIndex(0);
		assertThat(_find(Button.class, spec -> spec.withId("add-small-batch"))).as("engineers record no batches")
			.isEmpty();
	}

	@Autowired
	io.scalegate.gate.TestDocumentsOnFile documents;

	@Test
	void theReadinessPanelShowsTheGateReviewsChecklistAndAMissingDocumentHoldsTheGo() {
		Product product = lifecycles.aProductReadyForGate2(false);
		documents.file(product.partNumber(), "FIRST_ARTICLE_INSPECTION", "MATERIAL_CERTIFICATE", "CONTROL_PLAN");
		lifecycles.passGate1(product);
		lifecycles.signAllReadiness(product);
		login("gatekeeper", "GATEKEEPER");
		UI.getCurrent().navigate("products/" + product.partNumber());

		assertThat(recommendation()).isEqualTo("Hold: the product stays in small batch");
		assertThat(_get(com.vaadin.flow.component.html.Paragraph.class,
				spec -> spec.withId("readiness-missing-deliverables"))
			.getText()).isEqualTo("Held: Required deliverables are not on file: Part submission warrant (PPAP).");
		Div checklist = _get(Div.class, spec -> spec.withId("deliverables-checklist"));
		assertThat(checklist.getElement().getAttribute("data-gate")).isEqualTo("gateReview");
		assertThat(_get(Div.class, spec -> spec.withId("deliverable-CONTROL_PLAN")).getElement()
			.getAttribute("data-on-file")).isEqualTo("true");
		assertThat(_get(Div.class, spec -> spec.withId("deliverable-PPAP_SUBMISSION_WARRANT")).getElement()
			.getTextRecursively()).isEqualTo("Part submission warrant (PPAP) · missing");
		assertThat(_get(Span.class, spec -> spec.withId("deliverables-missing")).getText())
			.isEqualTo("Missing: Part submission warrant (PPAP).");
		// the what-if changes the evidence, not the documents on file
		assertThat(_find(com.vaadin.flow.component.Component.class, spec -> spec.withId("what-if-missingDeliverables")))
			.isEmpty();

		documents.file(product.partNumber(), "FIRST_ARTICLE_INSPECTION", "MATERIAL_CERTIFICATE", "CONTROL_PLAN",
				"PPAP_SUBMISSION_WARRANT");
		_click(_get(Button.class, spec -> spec.withId("what-if-reset")));
		assertThat(recommendation()).isEqualTo("Go: mass production");
		assertThat(_get(Span.class, spec -> spec.withId("deliverables-missing")).getText())
			.isEqualTo("Every required document is on file.");
		assertThat(_find(com.vaadin.flow.component.html.Paragraph.class,
				spec -> spec.withId("readiness-missing-deliverables")))
			.isEmpty();
	}

	@Test
	void aWhatIfChangesTheVerdictAndSavesNothing() {
		Product product = lifecycles.aProductReadyForGate2(false);
		lifecycles.passGate1(product);
		login("gatekeeper", "GATEKEEPER");
		UI.getCurrent().navigate("products/" + product.partNumber());
		assertThat(recommendation()).isEqualTo("Hold: the product stays in small batch");
		assertThat(signal("DESIGN_FROZEN")).isEqualTo("false");

		for (String verdict : new String[] { "designFrozen", "inspectionStandardApproved", "materialConfirmed",
				"surfaceFinishConfirmed", "supplierApproved" }) {
			Checkbox box = _get(Checkbox.class, spec -> spec.withId("what-if-" + verdict));
			box.setValue(true);
			com.github.mvysny.kaributesting.v10.HasValueUtilsKt._fireValueChange(box, true);
		}
		assertThat(recommendation()).isEqualTo("Go: mass production");
		assertThat(_get(Span.class, spec -> spec.withId("what-if-marker")).isVisible()).isTrue();

		NumberField cv = _get(NumberField.class, spec -> spec.withId("what-if-demandCv"));
		cv.setValue(0.9);
		com.github.mvysny.kaributesting.v10.HasValueUtilsKt._fireValueChange(cv, true);
		assertThat(recommendation()).isEqualTo("Hold: the product stays in small batch");
		assertThat(signal("DEMAND_STABLE")).isEqualTo("false");
		assertThat(signal("DESIGN_FROZEN")).isEqualTo("true");

		cv.setValue(-0.2);
		assertThat(cv.isInvalid()).isTrue();
		assertThat(cv.getErrorMessage()).as("a negative CV is named, not marked with an empty message")
			.isEqualTo("Coefficient of variation of monthly quantity cannot be negative");

		_click(_get(Button.class, spec -> spec.withId("what-if-reset")));
		assertThat(signal("DESIGN_FROZEN")).isEqualTo("false");
		assertThat(products.get(product.partNumber()).gateRecommendation()).isNotEqualTo("GO_MASS_PRODUCTION");
	}

	@Test
	void theReadinessPanelReadsInWordsAndUnitsRoundedAndTheWhatIfKeepsTheRecordedFigures() {
		Product product = lifecycles.aProductReadyForGate2(false);
		lifecycles.passGate1(product);
		login("gatekeeper", "GATEKEEPER");
		UI.getCurrent().navigate("products/" + product.partNumber());

		String panel = verdictText();
		assertThat(panel).contains("Hold: the product stays in small batch", "Demand stable")
			.doesNotContain("STAY_SMALL_BATCH", "STABLE", "null", "_");
		NumberField cv = _get(NumberField.class, spec -> spec.withId("what-if-demandCv"));
		assertThat(cv.getLabel()).isEqualTo("Coefficient of variation of monthly quantity");
		assertThat(cv.getValue()).as("the CV of 1000, 1100, 900, 1000 (0.0707…) to two decimals").isEqualTo(0.07);
		NumberField onTime = _get(NumberField.class, spec -> spec.withId("what-if-supplierOnTimeRate"));
		assertThat(onTime.getValue()).as("a share as a percentage").isEqualTo(100.0);
		assertThat(onTime.getSuffixComponent().getElement().getText()).isEqualTo("%");
		NumberField tooling = _get(NumberField.class, spec -> spec.withId("what-if-toolingInvestment"));
		assertThat(tooling.getValue()).isEqualTo(50000.0);
		assertThat(tooling.getSuffixComponent().getElement().getText()).as("money with its currency").isEqualTo("EUR");
		@SuppressWarnings("unchecked")
		Select<String> feedback = _get(Select.class, spec -> spec.withId("what-if-customerFeedback"));
		assertThat(feedback.getItemLabelGenerator().apply(feedback.getValue())).isEqualTo("positive");

		assertThat(verdictText()).contains("supplier qualified");
		onTime.setValue(50.0);
		com.github.mvysny.kaributesting.v10.HasValueUtilsKt._fireValueChange(onTime, true);
		assertThat(verdictText()).as("50 %% on time is read as the share 0.5").doesNotContain("supplier qualified");
		onTime.setValue(100.0);
		com.github.mvysny.kaributesting.v10.HasValueUtilsKt._fireValueChange(onTime, true);
		assertThat(verdictText()).as("back as shown: the recorded figures").contains("supplier qualified");
	}

}
