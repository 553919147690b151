package io.scalegate.model.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.scalegate.gate.GateWords;
import io.scalegate.model.impact.ImpactReport;
import io.scalegate.model.impact.VerdictChange;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * A change's impact on the running products' gate verdicts, as its author sees it before
 * submitting and its approver before signing: how many products were judged, how many
 * change verdict, and which (each a link to its product page), from the verdict of the
 * deployed rules to the draft's on the same inputs, with the unmet conditions the draft
 * adds and removes.
 */
class ImpactPanel extends VerticalLayout {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
		.withZone(ZoneId.systemDefault());

	ImpactPanel(ImpactReport impact) {
		setPadding(false);
		setId("impact");
		add(new H4("Impact on running products"));
		Span summary = new Span();
		summary.setId("impact-summary");
		add(summary);
		if (!impact.evaluated()) {
			summary
				.setText("Not evaluated: this version fails validation, and ScaleGate evaluates no model that does.");
			return;
		}
		if (!impact.gateRules()) {
			summary.setText(impact.products() + " running products; " + impact.note() + ".");
			return;
		}
		summary.setText(impact.products() + " running products judged; " + impact.changed().size()
				+ " would change verdict" + (impact.notEvaluated() > 0
						? "; the draft fails to evaluate for " + impact.notEvaluated() + "." : "."));
		summary.getElement()
			.getThemeList()
			.add("badge "
					+ (impact.notEvaluated() > 0 ? "error" : impact.changed().isEmpty() ? "contrast" : "primary"));
		StringBuilder basis = new StringBuilder("Each product's gate inputs as its readiness was last judged");
		if (impact.asOf() != null) {
			basis.append(" (the oldest on ").append(TIME.format(impact.asOf())).append(')');
		}
		basis.append(", under the deployed gate rules (version ")
			.append(impact.rulesVersion())
			.append(") and under this draft.");
		if (impact.computedLive() > 0) {
			basis.append(' ')
				.append(impact.computedLive())
				.append(" without a stored readiness were judged on their evidence now.");
		}
		Paragraph about = new Paragraph(basis.toString());
		about.setId("impact-basis");
		about.getStyle().set("color", "var(--lumo-secondary-text-color)").set("margin", "0");
		add(about);
		if (impact.note() != null) {
			Paragraph note = new Paragraph(impact.note());
			note.setId("impact-note");
			add(note);
		}
		if (impact.changed().isEmpty()) {
			return;
		}
		UnorderedList transitions = new UnorderedList();
		transitions.setId("impact-transitions");
		impact.transitions()
			.forEach((transition, count) -> transitions.add(new ListItem(count + " × " + labels(transition))));
		add(transitions);
		Grid<VerdictChange> changed = new Grid<>();
		changed.setId("impact-changes");
		changed.addThemeVariants(GridVariant.LUMO_COMPACT);
		changed.addComponentColumn(change -> {
			Anchor link = new Anchor("products/" + change.partNumber(), change.partNumber());
			link.setTarget("_blank");
			return link;
		}).setHeader("Product").setKey("partNumber").setAutoWidth(true).setFlexGrow(0);
		changed.addColumn(change -> GateWords.recommendation(change.from()))
			.setHeader("Verdict now")
			.setKey("from")
			.setAutoWidth(true);
		changed.addColumn(change -> GateWords.recommendation(change.to()))
			.setHeader("Under the draft")
			.setKey("to")
			.setAutoWidth(true);
		changed.addColumn(change -> reasons(change.reasonsAdded())).setHeader("Blockers added").setKey("added");
		changed.addColumn(change -> reasons(change.reasonsRemoved())).setHeader("Blockers cleared").setKey("removed");
		changed.setItems(impact.changed());
		if (impact.changed().size() <= 20) {
			changed.setAllRowsVisible(true);
		}
		else {
			changed.setHeight("28em");
		}
		add(changed);
	}

	private static String labels(String transition) {
		int arrow = transition.indexOf(" → ");
		return arrow < 0 ? GateWords.recommendation(transition)
				: GateWords.recommendation(transition.substring(0, arrow)) + " → "
						+ GateWords.recommendation(transition.substring(arrow + 3));
	}

	/** The unmet conditions in words a person reads (the explanations of GateReason). */
	private static String reasons(List<String> names) {
		return names.isEmpty() ? "—" : String.join(" ", names.stream().map(GateWords::reason).toList());
	}

}
