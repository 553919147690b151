package io.scalegate.history.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.scalegate.KaribuTest;
import io.scalegate.audit.AuditEntry;
import io.scalegate.base.AuditAction;
import io.scalegate.base.ui.ProcessDiagram;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A product's gate history view, read-only. */
class GateHistoryViewTest extends KaribuTest {

	@org.springframework.beans.factory.annotation.Autowired
	io.scalegate.gate.process.Lifecycles lifecycles;

	@org.springframework.beans.factory.annotation.Autowired
	io.scalegate.document.Documents documents;

	@Test
	@SuppressWarnings("unchecked")
	void eachGateListsTheDocumentsOnFileAtItsDecisionWithTheirHashes() {
		io.scalegate.product.Product product = lifecycles.aProduct(false);
		io.scalegate.document.Document drawing = documents.attach(product.partNumber(),
				io.scalegate.document.DocumentKind.DRAWING, "bracket.pdf",
				io.scalegate.document.SampleFiles.pdf("drawing"), io.scalegate.document.DocumentLinks.none(),
				"engineer");
		lifecycles.passGate1(product);
		login("auditor", "AUDITOR");
		UI.getCurrent().navigate("products/" + product.partNumber() + "/history");

		VerticalLayout gate = _get(VerticalLayout.class, spec -> spec.withId("gate-gate-1-1"));
		Grid<io.scalegate.document.Document> files = _get(gate, Grid.class, spec -> spec.withClasses("gate-documents"));
		assertThat(com.github.mvysny.kaributesting.v10.GridKt._getFormattedRow(files, 0)).contains("Drawing",
				"bracket.pdf", "engineer", drawing.sha256());
	}

	@Test
	void anAuditorReadsAProductsGateHistoryWithoutAnyWayToChangeIt() {
		login("auditor", "AUDITOR");
		UI.getCurrent().navigate("products/BRK-1001/history");

		assertThat(_get(H2.class, spec -> spec.withId("history-heading")).getText())
			.startsWith("Gate history: BRK-1001");
		assertThat(_find(VerticalLayout.class, spec -> spec.withClasses("gate-record"))).hasSizeGreaterThanOrEqualTo(2);
		assertThat(_get(VerticalLayout.class, spec -> spec.withId("gate-gate-2-1")).getElement().getTextRecursively())
			.contains("Go: mass production");
		assertThat(_size(_get(Grid.class, spec -> spec.withId("history-trail")))).isPositive();
		ProcessDiagram diagram = _get(ProcessDiagram.class);
		assertThat(diagram.getElement().getAttribute("data-passed")).contains("prototypeReview", "gateReview",
				"endEvent_massProduction");
		assertThat(diagram.getElement().getAttribute("data-current")).isEmpty();
		assertThat(_get(Anchor.class, spec -> spec.withId("gate-record-pdf")).getHref()).isNotBlank();
		assertThat(_find(_get(GateHistoryView.class), Button.class)).as("nothing to click that changes anything")
			.isEmpty();
	}

	@Test
	void theGateReadsInLabelsWithUnitsEachDecisionOnceAndTheEvaluationAsTheSystemsOnBehalfOfItsSigner() {
		login("auditor", "AUDITOR");
		UI.getCurrent().navigate("products/BRK-1001/history");

		VerticalLayout gate = _get(VerticalLayout.class, spec -> spec.withId("gate-gate-2-1"));
		String text = gate.getElement().getTextRecursively();
		assertThat(text).contains("Recommendation: Go: mass production (every condition met)",
				"Decision: Go: mass production", "Evaluated by: the system on behalf of ");
		assertThat(text).as("no codes, no maps, no nulls")
			.doesNotContain("GO_MASS_PRODUCTION", "gateRecommendation", "{", "null");
		String inputs = _get(gate, Div.class, spec -> spec.withClasses("gate-inputs")).getElement()
			.getTextRecursively();
		assertThat(inputs).contains("Months of order history: ", "On-time delivery rate: ", "Design frozen: yes")
			.containsPattern("Coefficient of variation of monthly quantity: \\d\\.\\d\\d(?!\\d)")
			.containsPattern("On-time delivery rate: \\d{1,3}\\.\\d %")
			.containsPattern("Customer feedback: (positive|mixed|negative|none)")
			.doesNotContain("null", "true", "false");
		String decisions = _get(gate, Div.class, spec -> spec.withClasses("gate-decisions")).getElement()
			.getTextRecursively();
		for (String decision : new String[] { "Demand stability v", "Tooling economics v", "Supplier readiness v",
				"Mass production gate v" }) {
			assertThat(decisions.split(java.util.regex.Pattern.quote(decision), -1)).as(decision + " once").hasSize(2);
		}
		assertThat(decisions).contains("→ Go: mass production").doesNotContain("{", "=");

		Grid<AuditEntry> trail = _get(Grid.class, spec -> spec.withId("history-trail"));
		List<String> evaluatedBy = trail.getGenericDataView()
			.getItems()
			.filter(entry -> entry.action() == AuditAction.GATE_EVALUATED)
			.map(AuditEntry::actorInWords)
			.toList();
		assertThat(evaluatedBy).isNotEmpty().allMatch(actor -> actor.startsWith("system"));
		assertThat(evaluatedBy).anyMatch(actor -> actor.matches("system on behalf of \\w+"));
	}

}
