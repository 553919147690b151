package io.scalegate.gate.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import io.scalegate.gate.DeliverablesStatus;
import io.scalegate.gate.GateWords;
import io.scalegate.gate.ProductLifecycle;

/**
 * A gate's deliverables checklist for one product: each document kind the gate requires
 * with a tick (on file) or a cross (missing), and the missing ones named. The checklist
 * is the deployed {@code gateDeliverables} decision; what is on file is the product's
 * documents now.
 */
public class DeliverablesChecklist extends Div {

	public DeliverablesChecklist(DeliverablesStatus status) {
		setId("deliverables-checklist");
		getElement().setAttribute("data-gate", status.gate());
		getElement().setAttribute("data-complete", String.valueOf(status.complete()));
		add(new H4("Deliverables for " + gateName(status.gate())));
		if (status.required().isEmpty()) {
			Span none = new Span("The checklist requires no document at this gate.");
			none.setId("deliverables-none");
			add(none);
			return;
		}
		for (String kind : status.required()) {
			add(row(kind, status.onFile().contains(kind)));
		}
		Span summary = new Span(status.complete() ? "Every required document is on file."
				: "Missing: " + GateWords.documentKinds(status.missing()) + ".");
		summary.setId("deliverables-missing");
		summary.getElement().getThemeList().add(status.complete() ? "badge success" : "badge error");
		summary.getStyle().set("white-space", "normal").set("margin-top", "var(--lumo-space-xs)");
		add(new Div(summary));
	}

	private static Div row(String kind, boolean onFile) {
		Icon icon = onFile ? VaadinIcon.CHECK_CIRCLE.create() : VaadinIcon.CLOSE_CIRCLE.create();
		icon.setColor(onFile ? "var(--lumo-success-color)" : "var(--lumo-error-color)");
		icon.setSize("var(--lumo-icon-size-s)");
		icon.getElement().setAttribute("aria-label", onFile ? "on file" : "missing");
		Span label = new Span(GateWords.documentKind(kind));
		label.getStyle().set("margin-left", "var(--lumo-space-xs)");
		Span state = new Span(onFile ? " · on file" : " · missing");
		state.getStyle()
			.set("color", onFile ? "var(--lumo-secondary-text-color)" : "var(--lumo-error-text-color)")
			.set("font-size", "var(--lumo-font-size-s)");
		Div row = new Div(icon, label, state);
		row.setId("deliverable-" + kind);
		row.getElement().setAttribute("data-on-file", String.valueOf(onFile));
		row.getStyle().set("padding", "var(--lumo-space-xs) 0");
		return row;
	}

	private static String gateName(String gate) {
		return ProductLifecycle.PROTOTYPE_REVIEW.equals(gate) ? "Gate 1 (prototype review)"
				: ProductLifecycle.GATE_REVIEW.equals(gate) ? "Gate 2 (mass production)" : gate;
	}

}
