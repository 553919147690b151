package io.scalegate.condition.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import io.scalegate.condition.GateCondition;
import io.scalegate.condition.GateConditions;
import java.util.List;

/**
 * The product page's open conditions of a Go with conditions: each with its text, owner
 * and due date, an overdue one marked (and whether it went to the gatekeeper). Empty (and
 * invisible) while the product has none.
 */
public class ConditionsPanel extends Div {

	public ConditionsPanel(GateConditions conditions, String partNumber) {
		setId("product-conditions");
		List<GateCondition> open = conditions.open(partNumber);
		setVisible(!open.isEmpty());
		if (open.isEmpty()) {
			return;
		}
		getStyle().set("border", "1px solid var(--lumo-warning-color-50pct, var(--lumo-contrast-20pct))")
			.set("border-radius", "var(--lumo-border-radius-m)")
			.set("padding", "var(--lumo-space-s) var(--lumo-space-m)");
		H3 title = new H3("Open conditions (" + open.size() + ")");
		title.getStyle().set("margin", "0");
		Paragraph intro = new Paragraph(
				"The product went into mass production with conditions; it is conditional until the last is closed.");
		intro.getStyle().set("color", "var(--lumo-secondary-text-color)").set("margin", "0");
		UnorderedList list = new UnorderedList();
		for (GateCondition condition : open) {
			ListItem item = new ListItem(new Span(condition.text()),
					new Span(" · owner " + condition.owner() + " · due " + condition.dueDate()));
			item.setId("condition-" + condition.id());
			if (conditions.overdue(condition)) {
				Span overdue = new Span(condition.escalated() ? "overdue, with the gatekeeper" : "overdue");
				overdue.addClassName("condition-overdue");
				overdue.getElement().getThemeList().add("badge error");
				overdue.getStyle().set("margin-left", "var(--lumo-space-s)");
				item.add(overdue);
			}
			list.add(item);
		}
		add(title, intro, list);
	}

}
