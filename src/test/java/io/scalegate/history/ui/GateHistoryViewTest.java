package io.scalegate.history.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.scalegate.KaribuTest;
import io.scalegate.base.ui.ProcessDiagram;
import org.junit.jupiter.api.Test;

/** A product's gate history view, read-only. */
class GateHistoryViewTest extends KaribuTest {

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
