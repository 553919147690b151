package io.scalegate.product.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._get;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.PollEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import io.scalegate.KaribuTest;
import io.scalegate.base.ui.PageAddress;
import io.scalegate.gate.ReadinessCheck;
import io.scalegate.gate.ReadinessReevaluation;
import io.scalegate.gate.Reevaluations;
import io.scalegate.gate.process.Lifecycles;
import io.scalegate.product.Product;
import io.scalegate.product.ProductFilter;
import io.scalegate.product.ProductLoading;
import io.scalegate.product.ProductSearch;
import io.scalegate.product.ProductService;
import io.scalegate.product.Stage;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class ProductOverviewViewTest extends KaribuTest {

	@Autowired
	ProductService products;

	@Autowired
	ProductSearch search;

	@Autowired
	ReadinessReevaluation reevaluation;

	@Autowired
	ReadinessCheck readiness;

	@Autowired
	Lifecycles lifecycles;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ProductLoading loading;

	@SuppressWarnings("unchecked")
	private Grid<Product> grid() {
		return _get(Grid.class, spec -> spec.withId("products"));
	}

	@Test
	void listsEveryProductAndCountsThemPerStage() {
		login("auditor", "AUDITOR");
		UI.getCurrent().navigate("");

		assertThat(_size(grid())).isEqualTo((int) products.count());
		for (Stage stage : Stage.values()) {
			assertThat(_get(Div.class, spec -> spec.withId("count-" + stage.name())).getChildren()
				.findFirst()
				.orElseThrow()
				.getElement()
				.getText()).as(stage.name()).isEqualTo(String.valueOf(products.count(stage)));
		}
		assertThat(_find(Button.class, spec -> spec.withId("register-product"))).as("auditors register nothing")
			.isEmpty();
	}

	@Test
	void aProductWithAnOpenGateConditionIsMarkedConditional() {
		login("auditor", "AUDITOR");
		UI.getCurrent().navigate("");

		_get(TextField.class, spec -> spec.withId("filter-text")).setValue("GBX-6300");
		assertThat(_size(grid())).isEqualTo(1);
		assertThat(com.github.mvysny.kaributesting.v10.GridKt._getCellComponent(grid(), 0, "stage")
			.getElement()
			.getTextRecursively()).isEqualTo("Mass productionConditional");
		_get(TextField.class, spec -> spec.withId("filter-text")).setValue("BRK-1001");
		assertThat(com.github.mvysny.kaributesting.v10.GridKt._getCellComponent(grid(), 0, "stage")
			.getElement()
			.getTextRecursively()).doesNotContain("Conditional");
	}

	@Test
	@SuppressWarnings("unchecked")
	void filtersBySearchStageCustomerGateReadyAndBlocker() {
		login("auditor", "AUDITOR");
		UI.getCurrent().navigate("");

		_get(TextField.class, spec -> spec.withId("filter-text")).setValue("brk-10");
		assertThat(_size(grid())).isEqualTo(1);
		assertThat(_get(grid(), 0).partNumber()).isEqualTo("BRK-1001");
		_get(TextField.class, spec -> spec.withId("filter-text")).clear();

		_get(MultiSelectComboBox.class, spec -> spec.withId("filter-stage")).setValue(Set.of(Stage.SMALL_BATCH));
		assertThat(_size(grid())).isEqualTo((int) products.count(Stage.SMALL_BATCH)).isPositive();
		_get(MultiSelectComboBox.class, spec -> spec.withId("filter-stage")).clear();

		_get(ComboBox.class, spec -> spec.withId("filter-blocked-by")).setValue("TOOLING_NOT_JUSTIFIED");
		long blocked = search.count(new ProductFilter(null, Set.of(), null, null, false, "TOOLING_NOT_JUSTIFIED"));
		assertThat(blocked).isPositive();
		assertThat(_size(grid())).isEqualTo((int) blocked);
		for (int i = 0; i < _size(grid()); i++) {
			assertThat(_get(grid(), i).blockers()).contains("TOOLING_NOT_JUSTIFIED");
		}
		_get(ComboBox.class, spec -> spec.withId("filter-blocked-by")).clear();

		_get(Checkbox.class, spec -> spec.withId("filter-gate-ready")).setValue(true);
		for (int i = 0; i < _size(grid()); i++) {
			assertThat(_get(grid(), i).gateRecommendation()).isEqualTo("GO_MASS_PRODUCTION");
		}
		_get(Checkbox.class, spec -> spec.withId("filter-gate-ready")).setValue(false);

		_get(ComboBox.class, spec -> spec.withId("filter-customer")).setValue("Nordbahn Rail");
		assertThat(_size(grid())).isPositive();
		for (int i = 0; i < _size(grid()); i++) {
			assertThat(_get(grid(), i).customer()).isEqualTo("Nordbahn Rail");
		}
	}

	@Test
	@SuppressWarnings("unchecked")
	void theSearchAndFiltersAreRestoredFromTheAddress() {
		login("auditor", "AUDITOR");
		UI.getCurrent()
			.navigate("", QueryParameters.full(java.util.Map.of("search", new String[] { "brk" }, "stage",
					new String[] { "MASS_PRODUCTION", "SMALL_BATCH" }, "customer", new String[] { "Nordbahn Rail" })));

		assertThat(_get(TextField.class, spec -> spec.withId("filter-text")).getValue()).isEqualTo("brk");
		assertThat(_get(MultiSelectComboBox.class, spec -> spec.withId("filter-stage")).getValue())
			.isEqualTo(Set.of(Stage.MASS_PRODUCTION, Stage.SMALL_BATCH));
		assertThat(_get(ComboBox.class, spec -> spec.withId("filter-customer")).getValue()).isEqualTo("Nordbahn Rail");
		assertThat(_size(grid())).isEqualTo(1);
		assertThat(_get(grid(), 0).partNumber()).isEqualTo("BRK-1001");
	}

	@Test
	@SuppressWarnings("unchecked")
	void changingAFilterWritesItIntoTheAddress() {
		login("auditor", "AUDITOR");
		UI.getCurrent().navigate("");

		_get(TextField.class, spec -> spec.withId("filter-text")).setValue("brk");
		_get(MultiSelectComboBox.class, spec -> spec.withId("filter-stage"))
			.setValue(Set.of(Stage.SMALL_BATCH, Stage.PROTOTYPE));
		_get(ComboBox.class, spec -> spec.withId("filter-blocked-by")).setValue("TOOLING_NOT_JUSTIFIED");

		assertThat(shownQuery()).containsOnly(java.util.Map.entry("search", List.of("brk")),
				java.util.Map.entry("stage", List.of("PROTOTYPE", "SMALL_BATCH")),
				java.util.Map.entry("blockedBy", List.of("TOOLING_NOT_JUSTIFIED")));
		_get(TextField.class, spec -> spec.withId("filter-text")).clear();
		_get(Checkbox.class, spec -> spec.withId("filter-gate-ready")).setValue(true);
		assertThat(shownQuery()).containsOnlyKeys("stage", "blockedBy", "ready")
			.containsEntry("ready", List.of("true"));
		assertThat(PageAddress.shown(UI.getCurrent()).getPath()).isEmpty();
	}

	private static java.util.Map<String, List<String>> shownQuery() {
		return PageAddress.shown(UI.getCurrent()).getQueryParameters().getParameters();
	}

	@Test
	@SuppressWarnings("unchecked")
	void unknownFilterValuesInTheAddressAreIgnored() {
		login("auditor", "AUDITOR");
		UI.getCurrent()
			.navigate("",
					QueryParameters.full(java.util.Map.of("stage", new String[] { "NO_SUCH_STAGE", "PROTOTYPE" },
							"customer", new String[] { "Nobody Inc" }, "owner", new String[] { "" }, "ready",
							new String[] { "perhaps" }, "blockedBy", new String[] { "<script>" }, "page",
							new String[] { "7" })));

		assertThat(_get(MultiSelectComboBox.class, spec -> spec.withId("filter-stage")).getValue())
			.isEqualTo(Set.of(Stage.PROTOTYPE));
		assertThat(_get(ComboBox.class, spec -> spec.withId("filter-customer")).getValue()).isNull();
		assertThat(_get(ComboBox.class, spec -> spec.withId("filter-owner")).getValue()).isNull();
		assertThat(_get(Checkbox.class, spec -> spec.withId("filter-gate-ready")).getValue()).isFalse();
		assertThat(_get(ComboBox.class, spec -> spec.withId("filter-blocked-by")).getValue()).isNull();
		assertThat(_size(grid())).isEqualTo((int) products.count(Stage.PROTOTYPE));
	}

	@Test
	void whileTheDemoDataLoadsTheOverviewSaysSoAndListsThemOnceIn() {
		login("engineer", "ENGINEER");
		loading.start("Loading demo data…");
		Div notice;
		try {
			UI.getCurrent().navigate("");

			notice = _get(Div.class, spec -> spec.withId("products-loading"));
			assertThat(notice.isVisible()).isTrue();
			assertThat(notice.getText()).isEqualTo("Loading demo data…");
			assertThat(_find(Grid.class, spec -> spec.withId("products"))).as("no empty list meanwhile").isEmpty();
			assertThat(UI.getCurrent().getPollInterval()).isEqualTo(ProductOverviewView.POLL_MILLIS);
		}
		finally {
			loading.finish();
		}
		ComponentUtil.fireEvent(UI.getCurrent(), new PollEvent(UI.getCurrent(), false));

		assertThat(notice.isVisible()).isFalse();
		assertThat(grid().isVisible()).isTrue();
		assertThat(_size(grid())).isEqualTo((int) products.count()).isPositive();
		assertThat(UI.getCurrent().getPollInterval()).isEqualTo(-1);
	}

	@Test
	void aPartNumberWithASlashIsRefusedBesideTheFieldWithTheRule() {
		login("engineer", "ENGINEER");
		UI.getCurrent().navigate("");
		_click(_get(Button.class, spec -> spec.withId("register-product")));

		_get(TextField.class, spec -> spec.withId("register-partNumber")).setValue("KAR/7002");
		_get(TextField.class, spec -> spec.withId("register-name")).setValue("Valve body");
		_get(TextField.class, spec -> spec.withId("register-customer")).setValue("Kestrel Pumps");
		_click(_get(Button.class, spec -> spec.withId("register-save")));

		assertThat(_get(TextField.class, spec -> spec.withId("register-partNumber")).getErrorMessage())
			.isEqualTo(io.scalegate.product.PartNumber.RULE);
		assertThat(products.find("KAR/7002")).isEmpty();
	}

	@Test
	void anEngineerRegistersAProductAndLandsOnItsPage() {
		login("engineer", "ENGINEER");
		UI.getCurrent().navigate("");
		_click(_get(Button.class, spec -> spec.withId("register-product")));

		_get(TextField.class, spec -> spec.withId("register-partNumber")).setValue("BAD PART");
		_get(TextField.class, spec -> spec.withId("register-name")).setValue("");
		_click(_get(Button.class, spec -> spec.withId("register-save")));
		assertThat(_get(TextField.class, spec -> spec.withId("register-partNumber")).isInvalid()).isTrue();
		assertThat(_get(TextField.class, spec -> spec.withId("register-name")).getErrorMessage())
			.isEqualTo("is required");
		assertThat(_get(TextField.class, spec -> spec.withId("register-customer")).isInvalid()).isTrue();
		assertThat(products.find("BAD PART")).isEmpty();

		_get(TextField.class, spec -> spec.withId("register-partNumber")).setValue("KAR-7001");
		_get(TextField.class, spec -> spec.withId("register-name")).setValue("Valve body");
		_get(TextField.class, spec -> spec.withId("register-customer")).setValue("Kestrel Pumps");
		_click(_get(Button.class, spec -> spec.withId("register-save")));

		assertThat(products.find("KAR-7001")).hasValueSatisfying(p -> assertThat(p.stage()).isEqualTo(Stage.PROTOTYPE));
		assertThat(_get(com.vaadin.flow.component.html.H2.class, spec -> spec.withId("product-heading")).getText())
			.isEqualTo("KAR-7001 · Valve body");
	}

	@Test
	void saysWhichRulesJudgedAVerdictAndHowFarTheReJudgingIs() {
		Reevaluations.awaitIdle(reevaluation);
		int deployed = readiness.deployedRulesVersion();
		Product product = lifecycles.aProduct(false);
		// judged by rules older than any deployed (version 0): never carried over
		products.recordReadiness(product.partNumber(), "STAY_SMALL_BATCH", List.of("TOOLING_NOT_JUSTIFIED"), 0, "{}");
		jdbc.sql("delete from readiness_reevaluation where rules_version = :v").param("v", deployed).update();
		jdbc.sql("insert into readiness_reevaluation (rules_version, total, done, failed, changed, node, started_at,"
				+ " heartbeat_at) values (:v, 10000, 1234, 0, 0, 'node-a', :at, :at)")
			.param("v", deployed)
			.param("at", Timestamp.from(Instant.now()))
			.update();
		try {
			login("auditor", "AUDITOR");
			UI.getCurrent().navigate("");

			Div progress = _get(Div.class, spec -> spec.withId("rejudging"));
			assertThat(_get(Span.class, spec -> spec.withId("rejudging-text")).getText())
				.isEqualTo("Re-judging products under gate rules v" + deployed + ": 1,234 of 10,000");
			assertThat(UI.getCurrent().getPollInterval()).isEqualTo(ProductOverviewView.POLL_MILLIS);
			_get(TextField.class, spec -> spec.withId("filter-text")).setValue(product.partNumber());
			assertThat(_size(grid())).isEqualTo(1);
			assertThat(rulesCell(0)).isEqualTo("rules v0 — being re-judged");

			jdbc.sql("update readiness_reevaluation set done = total, finished_at = :at where rules_version = :v")
				.param("v", deployed)
				.param("at", Timestamp.from(Instant.now()))
				.update();
			ComponentUtil.fireEvent(UI.getCurrent(), new PollEvent(UI.getCurrent(), false));

			assertThat(progress.isVisible()).isFalse();
			assertThat(UI.getCurrent().getPollInterval()).isEqualTo(-1);
			assertThat(rulesCell(0)).isEqualTo("rules v0 — outdated");

			readiness.refresh(product.partNumber());
			_get(TextField.class, spec -> spec.withId("filter-text")).setValue(product.partNumber() + " ");
			_get(TextField.class, spec -> spec.withId("filter-text")).setValue(product.partNumber());
			assertThat(rulesCell(0)).isEqualTo("rules v" + deployed);
		}
		finally {
			readiness.refresh(product.partNumber());
			jdbc.sql("delete from readiness_reevaluation where rules_version = :v").param("v", deployed).update();
		}
	}

	@Test
	void aProductWhoseLifecycleEndedShowsNoPendingGate() {
		String ended = jdbc.sql("select part_number from product where stage = 'MASS_PRODUCTION' order by part_number")
			.query(String.class)
			.list()
			.get(0);
		login("engineer", "ENGINEER");
		UI.getCurrent().navigate("");
		_get(TextField.class, spec -> spec.withId("filter-text")).setValue(ended);

		assertThat(_size(grid())).isEqualTo(1);
		assertThat(((Span) com.github.mvysny.kaributesting.v10.GridKt._getCellComponent(grid(), 0, "gate")).getText())
			.isEqualTo("—");
		assertThat(rulesCell(0)).isEmpty();
	}

	private String rulesCell(int row) {
		return ((Span) com.github.mvysny.kaributesting.v10.GridKt._getCellComponent(grid(), row, "rules")).getText();
	}

	@Test
	@SuppressWarnings("unchecked")
	void theExportHoldsExactlyTheProductsTheFiltersShow() throws Exception {
		login("auditor", "AUDITOR");
		UI.getCurrent().navigate("");
		assertThat(_find(com.vaadin.flow.component.html.Anchor.class, spec -> spec.withId("export-csv"))).hasSize(1);
		assertThat(_find(com.vaadin.flow.component.html.Anchor.class, spec -> spec.withId("export-xlsx"))).hasSize(1);
		_get(MultiSelectComboBox.class, spec -> spec.withId("filter-stage")).setValue(Set.of(Stage.MASS_PRODUCTION));
		ProductOverviewView view = _get(ProductOverviewView.class);

		java.io.ByteArrayOutputStream csv = new java.io.ByteArrayOutputStream();
		view.exportCsv(csv);
		List<String> partNumbers = org.apache.commons.csv.CSVFormat.RFC4180.builder()
			.setHeader()
			.get()
			.parse(new java.io.StringReader(csv.toString(java.nio.charset.StandardCharsets.UTF_8)))
			.getRecords()
			.stream()
			.map(row -> row.get("Part number"))
			.toList();
		List<String> shown = new java.util.ArrayList<>();
		for (int i = 0; i < _size(grid()); i++) {
			shown.add(_get(grid(), i).partNumber());
		}
		assertThat(partNumbers).isNotEmpty().isEqualTo(shown);

		java.io.ByteArrayOutputStream xlsx = new java.io.ByteArrayOutputStream();
		view.exportXlsx(xlsx);
		try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
				new java.io.ByteArrayInputStream(xlsx.toByteArray()))) {
			var sheet = workbook.getSheetAt(0);
			assertThat(sheet.getLastRowNum()).isEqualTo(shown.size());
			assertThat(sheet.getRow(1).getCell(3).getStringCellValue()).isEqualTo("Mass production");
		}
	}

}
