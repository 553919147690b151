package io.scalegate.task.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.scalegate.base.Count;
import io.scalegate.evidence.GateEvidence;
import io.scalegate.evidence.Result;
import io.scalegate.evidence.SmallBatch;
import io.scalegate.gate.GateWords;
import io.scalegate.gate.ProcessVariable;
import io.scalegate.gate.ProductLifecycle;
import io.scalegate.task.InboxTask;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What a task is about, beside its form (below it on a phone): the product, with a link
 * to its page, its evidence, the small batches themselves, and at the gate the
 * recommendation and why.
 */
class EvidenceContext extends VerticalLayout {

	EvidenceContext(InboxTask task, GateEvidence evidence, List<SmallBatch> batches, Map<String, Object> variables) {
		setId("task-context");
		setPadding(false);
		setSpacing(false);
		add(new H3(task.partNumber() + " · " + task.productName()));
		Anchor product = new Anchor("products/" + task.partNumber(), "Open the product page");
		product.setId("product-link");
		add(product);
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
		batches(batches);
	}

	/** The small-batch record itself, batch by batch, that the figures above sum up. */
	private void batches(List<SmallBatch> batches) {
		add(new H4("Small-batch record (" + Count.of(batches.size(), "batch", "batches") + ")"));
		if (batches.isEmpty()) {
			Span none = new Span("No small batch recorded yet.");
			none.setId("no-batches");
			add(none);
			return;
		}
		Grid<SmallBatch> grid = new Grid<>(SmallBatch.class, false);
		grid.setId("context-batches");
		grid.addColumn(SmallBatch::batchNumber).setHeader("Batch").setAutoWidth(true).setFlexGrow(0);
		grid.addColumn(SmallBatch::quantity).setHeader("Qty").setAutoWidth(true).setFlexGrow(0);
		grid.addColumn(EvidenceContext::checks).setHeader("Checks").setAutoWidth(true);
		grid.addColumn(b -> b.delivered() ? String.valueOf(b.deliveredOn()) : "not yet")
			.setHeader("Delivered")
			.setAutoWidth(true);
		grid.addColumn(b -> !b.delivered() ? "open" : b.onTime() ? "on time" : "late (due " + b.promisedOn() + ")")
			.setHeader("Timing")
			.setAutoWidth(true);
		grid.setItems(batches);
		grid.setAllRowsVisible(true);
		grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
		add(grid);
	}

	/** "all pass", or the checks that failed. */
	static String checks(SmallBatch batch) {
		List<String> failed = Stream
			.of(batch.dimensionalResult() == Result.FAIL ? "dimensions" : null,
					batch.finishResult() == Result.FAIL ? "finish" : null,
					batch.inspectionResult() == Result.FAIL ? "inspection" : null)
			.filter(java.util.Objects::nonNull)
			.toList();
		return failed.isEmpty() ? "all pass" : "failed: " + String.join(", ", failed);
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
				list.add(new ListItem(GateWords.reason(String.valueOf(reason), variables)));
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
		shown.add(ProductLifecycle.MISSING_DELIVERABLES);
		return shown;
	}

	private static Div input(ProcessVariable<?> input, Object value, String currency) {
		return row(GateWords.label(input.name()), GateWords.value(input.name(), value, currency));
	}

	private static Div row(String label, String value) {
		Span name = new Span(label);
		// beside the value, or above it on a phone (styles/responsive.css)
		name.addClassName("context-label");
		Div row = new Div(name, new Span(value == null ? GateWords.NOT_RECORDED : value));
		row.addClassName("context-row");
		row.getStyle().set("font-size", "var(--lumo-font-size-s)");
		return row;
	}

}
