package io.scalegate.model.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Html;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;

/**
 * A deployed decision table shown as a table: hit policy, inputs, outputs, and every rule
 * with its annotation.
 */
final class DecisionTables {

	private DecisionTables() {
	}

	static Component of(String dmnXml, String decisionKey) {
		DmnModelInstance model = Dmn
			.readModelFromStream(new ByteArrayInputStream(dmnXml.getBytes(StandardCharsets.UTF_8)));
		Decision decision = model.getModelElementById(decisionKey);
		if (decision == null || !(decision.getExpression() instanceof DecisionTable table)) {
			return new Html("<div>No decision table " + escape(decisionKey) + " in this file.</div>");
		}
		StringBuilder html = new StringBuilder("<div id=\"decision-table\" style=\"overflow:auto\"><p>")
			.append(escape(decision.getName() == null ? decision.getId() : decision.getName()))
			.append(" · hit policy ")
			.append(table.getHitPolicy())
			.append("</p><table style=\"border-collapse:collapse;font-size:var(--lumo-font-size-s)\"><tr><th style=\"")
			.append(CELL)
			.append("\">#</th>");
		for (Input input : table.getInputs()) {
			html.append("<th style=\"")
				.append(CELL)
				.append(";background:var(--lumo-primary-color-10pct)\">")
				.append(escape(input.getLabel() == null ? "" : input.getLabel()))
				.append("<br><code>")
				.append(escape(input.getInputExpression().getText() == null ? ""
						: input.getInputExpression().getText().getTextContent()))
				.append("</code></th>");
		}
		for (Output output : table.getOutputs()) {
			html.append("<th style=\"")
				.append(CELL)
				.append(";background:var(--lumo-success-color-10pct)\">")
				.append(escape(output.getName()))
				.append("</th>");
		}
		html.append("<th style=\"").append(CELL).append("\">Why (annotation)</th></tr>");
		int n = 1;
		for (Rule rule : table.getRules()) {
			html.append("<tr><td style=\"").append(CELL).append("\">").append(n++).append("</td>");
			for (InputEntry entry : rule.getInputEntries()) {
				html.append("<td style=\"")
					.append(CELL)
					.append("\"><code>")
					.append(escape(entry.getTextContent().strip()))
					.append("</code></td>");
			}
			for (OutputEntry entry : rule.getOutputEntries()) {
				html.append("<td style=\"")
					.append(CELL)
					.append("\"><code>")
					.append(escape(entry.getTextContent().strip()))
					.append("</code></td>");
			}
			html.append("<td style=\"")
				.append(CELL)
				.append("\">")
				.append(escape(rule.getDescription() == null ? "" : rule.getDescription().getTextContent()))
				.append("</td></tr>");
		}
		return new Html(html.append("</table></div>").toString());
	}

	private static final String CELL = "border:1px solid var(--lumo-contrast-20pct);padding:4px 6px;vertical-align:top";

	private static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}

}
