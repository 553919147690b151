package io.scalegate.task.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.scalegate.evidence.GateEvidence;
import io.scalegate.gate.GateWords;
import io.scalegate.gate.ProcessVariable;
import io.scalegate.gate.ProductLifecycle;
import io.scalegate.task.InboxTask;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * What a task is about, beside its form: the product, its evidence, and at the gate the
 * recommendation and why.
 */
class EvidenceContext extends VerticalLayout {

	EvidenceContext(InboxTask task, GateEvidence evidence, Map<String, Object> variables) {
		setId("task-context");
		setPadding(false);
		getStyle().set("padding-left", "var(--lumo-space-m)");
		setSpacing(false);
		add(new H3(task.partNumber() + " · " + task.productName()));
		add(row("Stage", task.stage()));
		if (ProductLifecycle.GATE_REVIEW.equals(task.taskKey())) {
			gate(variables, evidence.costCurrency());
		}
		add(new H4("Evidence on record"));
		String currency = evidence.costCurrency();
		add(input(ProductLifecycle.DEMAND_MONTHS, evidence.demandMonths(), currency));
		add(input(ProductLifecycle.DEMAND_CV, evidence.demandCv(), currency));
		add(input(ProductLifecycle.SUPPLIER_BATCHES_DELIVERED, evidence.supplierBatchesDelivered(), currency));
		add(input(ProductLifecycle.SUPPLIER_ON_TIME_RATE, evidence.supplierOnTimeRate(), currency));
		add(input(ProductLifecycle.SUPPLIER_FIRST_PASS_YIELD, evidence.supplierFirstPassYield(), currency));
		add(input(ProductLifecycle.PROCESS_CPK, evidence.processCpk(), currency));
		add(input(ProductLifecycle.DESIGN_CHANGES_LAST_90_DAYS, evidence.designChangesLast90Days(), currency));
		add(row("Customer feedback (180 days)", evidence.feedback().positive() + " positive, "
				+ evidence.feedback().mixed() + " mixed, " + evidence.feedback().negative() + " negative"));
		add(input(ProductLifecycle.TOOLING_INVESTMENT, evidence.toolingInvestment(), currency));
		add(row("Unit cost small batch → mass",
				GateWords.value(ProductLifecycle.SMALL_BATCH_UNIT_COST.name(), evidence.smallBatchUnitCost(), currency)
						+ " → "
						+ GateWords.value(ProductLifecycle.MASS_UNIT_COST.name(), evidence.massUnitCost(), currency)));
		add(input(ProductLifecycle.FORECAST_ANNUAL_VOLUME, evidence.forecastAnnualVolume(), currency));
	}

	private void gate(Map<String, Object> variables, String currency) {
		Object recommendation = variables.get(ProductLifecycle.GATE_RECOMMENDATION.name());
		Span verdict = new Span(GateWords.recommendation((String) recommendation));
		verdict.setId("gate-recommendation");
		verdict.getElement()
			.getThemeList()
			.add("GO_MASS_PRODUCTION".equals(recommendation) ? "badge success" : "badge");
		add(new H4("Recommendation"), verdict);
		Object reasons = variables.get(ProductLifecycle.GATE_REASONS);
		UnorderedList list = new UnorderedList();
		list.setId("gate-reasons");
		if (reasons instanceof Collection<?> items && !items.isEmpty()) {
			for (Object reason : items) {
				list.add(new ListItem(GateWords.reason(String.valueOf(reason))));
			}
		}
		else {
			list.add(new ListItem("Every condition of the gate is met."));
		}
		add(new H4("Why"), list);
		add(new H4("Decision inputs"));
		Div inputs = new Div();
		inputs.setId("gate-inputs");
		for (ProcessVariable<?> input : inputsShown()) {
			inputs.add(input(input, variables.get(input.name()), currency));
		}
		add(inputs);
	}

	private static List<ProcessVariable<?>> inputsShown() {
		List<ProcessVariable<?>> shown = new java.util.ArrayList<>(List.of(ProductLifecycle.DESIGN_FROZEN,
				ProductLifecycle.INSPECTION_STANDARD_APPROVED, ProductLifecycle.MATERIAL_CONFIRMED,
				ProductLifecycle.SURFACE_FINISH_CONFIRMED, ProductLifecycle.SUPPLIER_APPROVED));
		shown.addAll(ProductLifecycle.COMPUTED_GATE_INPUTS);
		return shown;
	}

	private static Div input(ProcessVariable<?> input, Object value, String currency) {
		return row(GateWords.label(input.name()), GateWords.value(input.name(), value, currency));
	}

	private static Div row(String label, String value) {
		Span name = new Span(label);
		name.getStyle()
			.set("color", "var(--lumo-secondary-text-color)")
			.set("min-width", "16em")
			.set("margin-right", "var(--lumo-space-s)")
			.set("display", "inline-block");
		Div row = new Div(name, new Span(value == null ? GateWords.NOT_RECORDED : value));
		row.getStyle().set("font-size", "var(--lumo-font-size-s)");
		return row;
	}

}
