package io.scalegate.audit.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import io.scalegate.KaribuTest;
import io.scalegate.audit.AuditCheckpoint;
import io.scalegate.audit.AuditCheckpoints;
import io.scalegate.audit.AuditEntry;
import io.scalegate.base.AuditAction;
import io.scalegate.base.ui.PageAddress;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The audit trail view: filters, one-click questions, the chain check, the export, who
 * may open it.
 */
class AuditTrailViewTest extends KaribuTest {

	@Test
	@SuppressWarnings("unchecked")
	void aPartNumberFindsTheProductsSignaturesFiledUnderItsTasks() {
		login("auditor", "AUDITOR");
		UI.getCurrent().navigate("audit");

		_get(TextField.class, spec -> spec.withId("filter-subject")).setValue("HTS-1210");
		Grid<AuditEntry> grid = _get(Grid.class, spec -> spec.withId("audit-entries"));
		java.util.List<AuditEntry> found = grid.getLazyDataView().getItems().toList();

		assertThat(found).extracting(AuditEntry::action)
			.contains(AuditAction.PRODUCT_REGISTERED, AuditAction.SIGNATURE_GIVEN);
		assertThat(found).filteredOn(entry -> entry.action() == AuditAction.SIGNATURE_GIVEN)
			.hasSizeGreaterThanOrEqualTo(3)
			.allSatisfy(signature -> assertThat(signature.details()).contains("\"partNumber\":\"HTS-1210\""));
		assertThat(found).allSatisfy(entry -> assertThat(entry.subjectId().equals("HTS-1210")
				|| entry.details().contains("HTS-1210") || entry.subjectType().name().equals("TASK"))
			.isTrue());
	}

	@Test
	@SuppressWarnings("unchecked")
	void aGateEvaluationReadsAsTheSystemsOnBehalfOfItsSignerInWords() {
		login("auditor", "AUDITOR");
		UI.getCurrent().navigate("audit");

		_get(MultiSelectComboBox.class, spec -> spec.withId("filter-action"))
			.setValue(Set.of(AuditAction.GATE_EVALUATED));
		Grid<AuditEntry> grid = _get(Grid.class, spec -> spec.withId("audit-entries"));
		assertThat(_size(grid)).isPositive();
		for (int row = 0; row < _size(grid); row++) {
			AuditEntry entry = com.github.mvysny.kaributesting.v10.GridKt._get(grid, row);
			assertThat(entry.actor()).isEqualTo("system");
			assertThat(com.github.mvysny.kaributesting.v10.GridKt._getFormatted(grid, row, "actor"))
				.isEqualTo(entry.onBehalfOf() == null ? "system" : "system on behalf of " + entry.onBehalfOf());
		}
		assertThat(grid.getLazyDataView().getItems()).as("the demo's gates were reached by people's signatures")
			.anySatisfy(entry -> assertThat(entry.onBehalfOf()).isNotBlank());
		assertThat(_get(MultiSelectComboBox.class, spec -> spec.withId("filter-action")).getItemLabelGenerator()
			.apply(AuditAction.GATE_EVALUATED)).isEqualTo("Gate evaluated");
	}

	@Test
	@SuppressWarnings("unchecked")
	void anAuditorFiltersTheTrailAndVerifiesTheChain() {
		login("auditor", "AUDITOR");
		UI.getCurrent().navigate("audit");

		_click(_get(Button.class, spec -> spec.withId("verify-chain")));
		assertThat(_get(Span.class, spec -> spec.withId("chain-verdict")).getText()).startsWith("Intact:");

		_get(MultiSelectComboBox.class, spec -> spec.withId("filter-action"))
			.setValue(Set.of(AuditAction.SIGNATURE_GIVEN));
		_get(TextField.class, spec -> spec.withId("filter-actor")).setValue("gatekeeper");
		Grid<AuditEntry> grid = _get(Grid.class, spec -> spec.withId("audit-entries"));
		assertThat(_size(grid)).isPositive();
		grid.getLazyDataView().getItems().forEach(entry -> {
			assertThat(entry.action()).isEqualTo(AuditAction.SIGNATURE_GIVEN);
			assertThat(entry.actor()).isEqualTo("gatekeeper");
		});
		_click(_get(Button.class, spec -> spec.withId("export-csv")));
		_get(AuditTrailView.class).exporting.join();
		com.github.mvysny.kaributesting.v10.MockVaadin.clientRoundtrip();
		Anchor download = _get(Anchor.class, spec -> spec.withId("export-download"));
		assertThat(download.getText()).startsWith("Download the CSV (").endsWith(" entries)");
		assertThat(download.getHref()).isNotBlank();
	}

	@Test
	@SuppressWarnings("unchecked")
	void theFiltersAndPeriodAreRestoredFromTheAddressAndWrittenBack() {
		login("auditor", "AUDITOR");
		UI.getCurrent()
			.navigate("audit",
					QueryParameters.full(Map.of("actor", new String[] { "gatekeeper" }, "action",
							new String[] { "SIGNATURE_GIVEN", "NO_SUCH_ACTION" }, "from", new String[] { "2000-01-01" },
							"to", new String[] { "2000-13-45" }, "details", new String[] { "" })));

		assertThat(_get(TextField.class, spec -> spec.withId("filter-actor")).getValue()).isEqualTo("gatekeeper");
		assertThat(_get(MultiSelectComboBox.class, spec -> spec.withId("filter-action")).getValue())
			.isEqualTo(Set.of(AuditAction.SIGNATURE_GIVEN));
		assertThat(_get(DatePicker.class, spec -> spec.withId("filter-from")).getValue())
			.isEqualTo(LocalDate.of(2000, 1, 1));
		assertThat(_get(DatePicker.class, spec -> spec.withId("filter-to")).getValue()).as("an unreadable date")
			.isNull();
		Grid<AuditEntry> grid = _get(Grid.class, spec -> spec.withId("audit-entries"));
		grid.getLazyDataView().getItems().forEach(entry -> {
			assertThat(entry.action()).isEqualTo(AuditAction.SIGNATURE_GIVEN);
			assertThat(entry.actor()).isEqualTo("gatekeeper");
		});

		_get(DatePicker.class, spec -> spec.withId("filter-to")).setValue(LocalDate.of(2099, 12, 31));
		_get(TextField.class, spec -> spec.withId("filter-actor")).clear();
		assertThat(PageAddress.shown(UI.getCurrent()).getQueryParameters().getParameters()).containsOnly(
				Map.entry("action", List.of("SIGNATURE_GIVEN")), Map.entry("from", List.of("2000-01-01")),
				Map.entry("to", List.of("2099-12-31")));
	}

	@Test
	@SuppressWarnings("unchecked")
	void oneClickAnswersAnAuditorsCommonQuestion() {
		login("auditor", "AUDITOR");
		UI.getCurrent().navigate("audit");

		_click(_get(Button.class, spec -> spec.withId("show-gate-decided")));

		Grid<AuditEntry> grid = _get(Grid.class, spec -> spec.withId("audit-entries"));
		assertThat(_size(grid)).isPositive();
		grid.getLazyDataView()
			.getItems()
			.forEach(entry -> assertThat(entry.action()).isEqualTo(AuditAction.GATE_DECIDED));
	}

	/**
	 * An auditor downloads a checkpoint and uploads it again: it matches; an altered one
	 * is refused.
	 */
	@Test
	void anAuditorExportsAndChecksACheckpoint() throws Exception {
		login("auditor", "AUDITOR");
		UI.getCurrent().navigate("audit");
		Anchor export = _get(Anchor.class, spec -> spec.withId("export-checkpoint"));
		assertThat(export.getElement().getTextRecursively()).isEqualTo("Export checkpoint");
		assertThat(export.getHref()).isNotBlank();
		assertThat(_get(com.vaadin.flow.component.upload.Upload.class, spec -> spec.withId("check-checkpoint")))
			.isNotNull();
		ObjectMapper json = context.getBean(ObjectMapper.class);
		AuditCheckpoint checkpoint = context.getBean(AuditCheckpoints.class).export();
		AuditTrailView view = _get(AuditTrailView.class);
		Span verdict = _get(Span.class, spec -> spec.withId("checkpoint-verdict"));

		view.checkCheckpoint(json.writeValueAsBytes(checkpoint));
		assertThat(verdict.getText()).startsWith("Signed by ScaleGate, and entry " + checkpoint.entry());
		assertThat(verdict.getElement().getThemeList()).contains("success");

		ObjectNode forged = json.valueToTree(checkpoint);
		forged.put("entry", checkpoint.entry() - 1);
		view.checkCheckpoint(json.writeValueAsBytes(forged));
		assertThat(verdict.getText()).contains("forged or altered");
		assertThat(verdict.getElement().getThemeList()).contains("error");

		view.checkCheckpoint("not json".getBytes(java.nio.charset.StandardCharsets.UTF_8));
		assertThat(verdict.getText()).contains("not a ScaleGate checkpoint");
		view.checkCheckpoint("{\"entry\": 1}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
		assertThat(verdict.getText()).contains("not a complete checkpoint", "entryHash");
	}

	@Test
	void onlyAuditorsAndAdministratorsOpenTheTrail() {
		login("engineer", "ENGINEER");
		assertAccessDenied("audit");
	}

}
