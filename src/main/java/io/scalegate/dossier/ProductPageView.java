package io.scalegate.dossier;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.router.Route;
import io.scalegate.comment.ui.CommentThreads;
import io.scalegate.condition.GateConditions;
import io.scalegate.condition.ui.ConditionsPanel;
import io.scalegate.document.ui.DocumentPanels;
import io.scalegate.document.ui.DocumentsPanel;
import io.scalegate.evidence.ui.EvidenceTabs;
import io.scalegate.gate.ReadinessCheck;
import io.scalegate.gate.ui.ReadinessPanel;
import io.scalegate.product.Product;
import io.scalegate.product.ProductService;
import io.scalegate.product.ui.ProductRouteView;
import io.scalegate.product.ui.StageBadge;
import io.scalegate.security.CurrentUser;
import io.scalegate.security.UserAccount;
import io.scalegate.task.TaskCompletion;
import jakarta.annotation.security.PermitAll;

/**
 * One product: where it stands (stage timeline with the gates and their signatures), its
 * evidence in tabs with charts and add/edit forms, its gate readiness, live, with a
 * what-if, its documents, and its activity (comments and trail).
 */
@Route("products/:partNumber")
@PermitAll
class ProductPageView extends ProductRouteView {

	private final ProductService products;

	private final EvidenceTabs evidenceTabs;

	private final ReadinessCheck readiness;

	private final TaskCompletion completion;

	private final CurrentUser currentUser;

	private final GateConditions conditions;

	private final CommentThreads comments;

	private final DocumentPanels documents;

	ProductPageView(ProductService products, EvidenceTabs evidenceTabs, ReadinessCheck readiness,
			TaskCompletion completion, CurrentUser currentUser, GateConditions conditions, CommentThreads comments,
			DocumentPanels documents) {
		this.conditions = conditions;
		this.comments = comments;
		this.documents = documents;
		this.products = products;
		this.evidenceTabs = evidenceTabs;
		this.readiness = readiness;
		this.completion = completion;
		this.currentUser = currentUser;
	}

	@Override
	protected String show(String partNumber) {
		Product product = products.get(partNumber);
		show(product);
		return product.partNumber();
	}

	private void show(Product product) {
		UserAccount user = currentUser.get();
		H2 heading = new H2(product.partNumber() + " · " + product.name());
		heading.setId("product-heading");
		Span stage = StageBadge.of(product.stage());
		stage.setId("product-stage");
		Span facts = new Span(
				"Customer " + product.customer() + " · revision " + product.revision() + " · owner " + product.owner());
		facts.getStyle().set("color", "var(--lumo-secondary-text-color)");
		heading.getStyle().set("margin", "0");
		Div title = new Div(heading, stage);
		if (conditions.conditional(product.partNumber())) {
			Span conditional = StageBadge.conditional();
			conditional.setId("product-conditional");
			title.add(conditional);
		}
		title.getStyle()
			.set("display", "flex")
			.set("align-items", "center")
			.set("gap", "var(--lumo-space-m)")
			.set("flex-wrap", "wrap");
		Anchor history = new Anchor("products/" + product.partNumber() + "/history", "Gate history and audit trail");
		history.setId("history-link");
		add(title, new Div(facts, new Span(" · "), history), new StageTimeline(product.stage(),
				products.stageHistory(product.partNumber()), completion.signaturesOf(product.partNumber())));
		add(new ConditionsPanel(conditions, product.partNumber()));

		ReadinessPanel panel = new ReadinessPanel(readiness, product.partNumber());
		Div evidence = new Div(evidenceTabs.of(product, user.username(), user.roles(), panel::refresh, query()));
		evidence.getStyle().set("flex", "2 1 560px").set("min-width", "0");
		panel.getStyle()
			.set("flex", "1 1 320px")
			.set("border-left", "1px solid var(--lumo-contrast-10pct)")
			.set("padding-left", "var(--lumo-space-m)");
		// below the evidence, with a rule above instead of beside, on a narrow window
		panel.addClassName("product-readiness");
		FlexLayout columns = new FlexLayout(evidence, panel);
		columns.setFlexWrap(FlexLayout.FlexWrap.WRAP);
		columns.setWidthFull();
		columns.getStyle().set("gap", "var(--lumo-space-l)");
		add(columns);
		H3 documentsHeading = new H3("Documents");
		documentsHeading.setId("documents-heading");
		DocumentsPanel productDocuments = documents.forProduct(product.partNumber());
		productDocuments.setId("product-documents");
		add(documentsHeading, productDocuments);
		// the product's comments and trail, interleaved (docs/adr/0023)
		add(comments.activity(product.partNumber(), user));
	}

}
