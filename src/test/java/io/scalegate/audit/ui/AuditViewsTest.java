package io.scalegate.audit.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import io.scalegate.KaribuTest;
import io.scalegate.audit.AuditAction;
import io.scalegate.audit.AuditEntry;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AuditViewsTest extends KaribuTest {

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

	@Test
	void onlyAuditorsAndAdministratorsOpenTheTrail() {
		login("engineer", "ENGINEER");
		assertThatThrownBy(() -> UI.getCurrent().navigate("audit")).hasMessageContaining("Access is denied");
	}

	@Test
	void anAuditorReadsAProductsGateHistoryWithoutAnyWayToChangeIt() {
		login("auditor", "AUDITOR");
		UI.getCurrent().navigate("products/BRK-1001/history");

		assertThat(_get(H2.class, spec -> spec.withId("history-heading")).getText())
			.startsWith("Gate history: BRK-1001");
		assertThat(_find(VerticalLayout.class, spec -> spec.withClasses("gate-record"))).hasSizeGreaterThanOrEqualTo(2);
		assertThat(_get(VerticalLayout.class, spec -> spec.withId("gate-gate-2-1")).getElement().getTextRecursively())
			.contains("GO_MASS_PRODUCTION");
		assertThat(_size(_get(Grid.class, spec -> spec.withId("history-trail")))).isPositive();
		ProcessDiagram diagram = _get(ProcessDiagram.class);
		assertThat(diagram.getElement().getAttribute("data-passed")).contains("prototypeReview", "gateReview",
				"endEvent_massProduction");
		assertThat(diagram.getElement().getAttribute("data-current")).isEmpty();
		assertThat(_get(Anchor.class, spec -> spec.withId("gate-record-pdf")).getHref()).isNotBlank();
		assertThat(_find(_get(GateHistoryView.class), Button.class)).as("nothing to click that changes anything")
			.isEmpty();
	}

}
