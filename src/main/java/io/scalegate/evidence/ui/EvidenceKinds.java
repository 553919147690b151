package io.scalegate.evidence.ui;

import static io.scalegate.evidence.ui.EvidenceSection.orDash;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import io.scalegate.evidence.CapabilityStudy;
import io.scalegate.evidence.CapabilityStudyEntry;
import io.scalegate.evidence.CostEstimate;
import io.scalegate.evidence.CostEstimateEntry;
import io.scalegate.evidence.CustomerFeedback;
import io.scalegate.evidence.CustomerOrder;
import io.scalegate.evidence.DemandSummary;
import io.scalegate.evidence.DesignChange;
import io.scalegate.evidence.DesignChangeEntry;
import io.scalegate.evidence.EvidenceEntry;
import io.scalegate.evidence.EvidenceKind;
import io.scalegate.evidence.FeedbackEntry;
import io.scalegate.evidence.FeedbackRating;
import io.scalegate.evidence.OrderEntry;
import io.scalegate.evidence.Result;
import io.scalegate.evidence.SmallBatch;
import io.scalegate.evidence.SmallBatchEntry;
import java.util.List;
import java.util.Locale;

/** The six kinds of evidence as the product page shows and asks for them. */
final class EvidenceKinds {

	private EvidenceKinds() {
	}

	static final class Batches implements EvidenceSection.Kind<SmallBatch> {

		@Override
		public EvidenceKind kind() {
			return EvidenceKind.SMALL_BATCH;
		}

		@Override
		public void columns(Grid<SmallBatch> grid) {
			grid.addColumn(SmallBatch::batchNumber).setHeader("Batch").setAutoWidth(true);
			grid.addColumn(SmallBatch::quantity).setHeader("Quantity").setAutoWidth(true);
			grid.addColumn(SmallBatch::dimensionalResult).setHeader("Dimensions").setAutoWidth(true);
			grid.addColumn(SmallBatch::finishResult).setHeader("Finish").setAutoWidth(true);
			grid.addColumn(SmallBatch::inspectionResult).setHeader("Inspection").setAutoWidth(true);
			grid.addColumn(SmallBatch::promisedOn).setHeader("Promised").setAutoWidth(true);
			grid.addColumn(orDash(SmallBatch::deliveredOn)).setHeader("Delivered").setAutoWidth(true);
			grid.addColumn(b -> !b.delivered() ? "open" : b.onTime() ? "on time" : "late")
				.setHeader("Timing")
				.setAutoWidth(true);
		}

		@Override
		public void fields(EntryForm form) {
			form.text("batchNumber", "Batch number");
			form.integer("quantity", "Quantity");
			form.choice("dimensionalResult", "Dimensional result", Result.class);
			form.choice("finishResult", "Finish result", Result.class);
			form.choice("inspectionResult", "Inspection result", Result.class);
			form.date("promisedOn", "Promised delivery");
			form.date("deliveredOn", "Actual delivery");
		}

		@Override
		public void fill(EntryForm form, SmallBatch row) {
			form.set("batchNumber", row.batchNumber());
			form.set("quantity", row.quantity());
			form.set("dimensionalResult", row.dimensionalResult());
			form.set("finishResult", row.finishResult());
			form.set("inspectionResult", row.inspectionResult());
			form.set("promisedOn", row.promisedOn());
			form.set("deliveredOn", row.deliveredOn());
		}

		@Override
		public EvidenceEntry<SmallBatch> entry(EntryForm form) {
			return new SmallBatchEntry(form.value("batchNumber"), form.value("quantity"),
					form.value("dimensionalResult"), form.value("finishResult"), form.value("inspectionResult"),
					form.value("promisedOn"), form.value("deliveredOn"));
		}

		@Override
		public Component chart(List<SmallBatch> rows) {
			return EvidenceCharts.batches(rows);
		}

	}

	static final class Orders implements EvidenceSection.Kind<CustomerOrder> {

		private final int windowMonths;

		Orders(int windowMonths) {
			this.windowMonths = windowMonths;
		}

		@Override
		public EvidenceKind kind() {
			return EvidenceKind.ORDER;
		}

		@Override
		public void columns(Grid<CustomerOrder> grid) {
			grid.addColumn(o -> o.orderMonth().toString().substring(0, 7)).setHeader("Month").setAutoWidth(true);
			grid.addColumn(CustomerOrder::quantity).setHeader("Quantity").setAutoWidth(true);
			grid.addColumn(CustomerOrder::customer).setHeader("Customer").setAutoWidth(true);
		}

		@Override
		public void fields(EntryForm form) {
			form.date("orderMonth", "Month (any day of it)");
			form.integer("quantity", "Quantity");
			form.text("customer", "Customer");
		}

		@Override
		public void fill(EntryForm form, CustomerOrder row) {
			form.set("orderMonth", row.orderMonth());
			form.set("quantity", row.quantity());
			form.set("customer", row.customer());
		}

		@Override
		public EvidenceEntry<CustomerOrder> entry(EntryForm form) {
			return new OrderEntry(form.value("orderMonth"), form.value("quantity"), form.value("customer"));
		}

		@Override
		public Component chart(List<CustomerOrder> rows) {
			return EvidenceCharts.demand(DemandSummary.of(rows, windowMonths));
		}

	}

	static final class Feedback implements EvidenceSection.Kind<CustomerFeedback> {

		@Override
		public EvidenceKind kind() {
			return EvidenceKind.FEEDBACK;
		}

		@Override
		public void columns(Grid<CustomerFeedback> grid) {
			grid.addColumn(CustomerFeedback::receivedOn).setHeader("Received").setAutoWidth(true);
			grid.addColumn(CustomerFeedback::customer).setHeader("Customer").setAutoWidth(true);
			grid.addColumn(CustomerFeedback::rating).setHeader("Rating").setAutoWidth(true);
			grid.addColumn(orDash(CustomerFeedback::summary)).setHeader("Summary").setFlexGrow(1);
		}

		@Override
		public void fields(EntryForm form) {
			form.date("receivedOn", "Received on");
			form.text("customer", "Customer");
			form.choice("rating", "Rating", FeedbackRating.class);
			form.area("summary", "Summary");
		}

		@Override
		public void fill(EntryForm form, CustomerFeedback row) {
			form.set("receivedOn", row.receivedOn());
			form.set("customer", row.customer());
			form.set("rating", row.rating());
			form.set("summary", row.summary() == null ? "" : row.summary());
		}

		@Override
		public EvidenceEntry<CustomerFeedback> entry(EntryForm form) {
			return new FeedbackEntry(form.value("receivedOn"), form.value("customer"), form.value("rating"),
					form.value("summary"));
		}

	}

	static final class Costs implements EvidenceSection.Kind<CostEstimate> {

		@Override
		public EvidenceKind kind() {
			return EvidenceKind.COST_ESTIMATE;
		}

		@Override
		public void columns(Grid<CostEstimate> grid) {
			grid.addColumn(CostEstimate::estimatedOn).setHeader("Estimated").setAutoWidth(true);
			grid.addColumn(CostEstimate::currency).setHeader("Currency").setAutoWidth(true);
			grid.addColumn(CostEstimate::smallBatchUnitCost).setHeader("Small-batch unit").setAutoWidth(true);
			grid.addColumn(CostEstimate::massUnitCost).setHeader("Mass unit").setAutoWidth(true);
			grid.addColumn(CostEstimate::toolingInvestment).setHeader("Tooling").setAutoWidth(true);
			grid.addColumn(CostEstimate::forecastAnnualVolume).setHeader("Annual volume").setAutoWidth(true);
		}

		@Override
		public void fields(EntryForm form) {
			form.date("estimatedOn", "Estimated on");
			form.text("currency", "Currency (ISO 4217)").setValue("EUR");
			form.decimal("smallBatchUnitCost", "Small-batch unit cost");
			form.decimal("massUnitCost", "Mass-production unit cost");
			form.decimal("toolingInvestment", "Tooling investment");
			form.integer("forecastAnnualVolume", "Forecast annual volume");
		}

		@Override
		public void fill(EntryForm form, CostEstimate row) {
			form.set("estimatedOn", row.estimatedOn());
			form.set("currency", row.currency());
			form.set("smallBatchUnitCost", row.smallBatchUnitCost());
			form.set("massUnitCost", row.massUnitCost());
			form.set("toolingInvestment", row.toolingInvestment());
			form.set("forecastAnnualVolume", row.forecastAnnualVolume());
		}

		@Override
		public EvidenceEntry<CostEstimate> entry(EntryForm form) {
			String currency = form.value("currency");
			return new CostEstimateEntry(form.value("estimatedOn"),
					currency == null ? null : currency.toUpperCase(Locale.ROOT), form.value("smallBatchUnitCost"),
					form.value("massUnitCost"), form.value("toolingInvestment"), form.value("forecastAnnualVolume"));
		}

		@Override
		public Component chart(List<CostEstimate> rows) {
			return EvidenceCharts.payback(rows.isEmpty() ? null : rows.get(rows.size() - 1));
		}

	}

	static final class Changes implements EvidenceSection.Kind<DesignChange> {

		@Override
		public EvidenceKind kind() {
			return EvidenceKind.DESIGN_CHANGE;
		}

		@Override
		public void columns(Grid<DesignChange> grid) {
			grid.addColumn(DesignChange::changeNumber).setHeader("Change").setAutoWidth(true);
			grid.addColumn(DesignChange::changedOn).setHeader("Changed on").setAutoWidth(true);
			grid.addColumn(DesignChange::description).setHeader("What changed").setFlexGrow(1);
		}

		@Override
		public void fields(EntryForm form) {
			form.text("changeNumber", "Change number");
			form.date("changedOn", "Changed on");
			form.area("description", "What changed (dimensions, holes, threads, finish, assembly)");
		}

		@Override
		public void fill(EntryForm form, DesignChange row) {
			form.set("changeNumber", row.changeNumber());
			form.set("changedOn", row.changedOn());
			form.set("description", row.description());
		}

		@Override
		public EvidenceEntry<DesignChange> entry(EntryForm form) {
			return new DesignChangeEntry(form.value("changeNumber"), form.value("changedOn"),
					form.value("description"));
		}

	}

	static final class Studies implements EvidenceSection.Kind<CapabilityStudy> {

		@Override
		public EvidenceKind kind() {
			return EvidenceKind.CAPABILITY_STUDY;
		}

		@Override
		public void columns(Grid<CapabilityStudy> grid) {
			grid.addColumn(CapabilityStudy::characteristic).setHeader("Characteristic").setAutoWidth(true);
			grid.addColumn(CapabilityStudy::studiedOn).setHeader("Studied").setAutoWidth(true);
			grid.addColumn(orDash(CapabilityStudy::lowerSpecLimit)).setHeader("LSL").setAutoWidth(true);
			grid.addColumn(orDash(CapabilityStudy::upperSpecLimit)).setHeader("USL").setAutoWidth(true);
			grid.addColumn(CapabilityStudy::mean).setHeader("Mean").setAutoWidth(true);
			grid.addColumn(CapabilityStudy::standardDeviation).setHeader("σ").setAutoWidth(true);
			grid.addColumn(CapabilityStudy::sampleSize).setHeader("n").setAutoWidth(true);
			grid.addColumn(s -> String.format(Locale.ROOT, "%.2f", s.cpk())).setHeader("Cpk").setAutoWidth(true);
		}

		@Override
		public void fields(EntryForm form) {
			form.text("characteristic", "Characteristic");
			form.date("studiedOn", "Studied on");
			form.decimal("lowerSpecLimit", "Lower specification limit");
			form.decimal("upperSpecLimit", "Upper specification limit");
			form.decimal("mean", "Mean");
			form.decimal("standardDeviation", "Standard deviation");
			form.integer("sampleSize", "Sample size");
		}

		@Override
		public void fill(EntryForm form, CapabilityStudy row) {
			form.set("characteristic", row.characteristic());
			form.set("studiedOn", row.studiedOn());
			form.set("lowerSpecLimit", row.lowerSpecLimit());
			form.set("upperSpecLimit", row.upperSpecLimit());
			form.set("mean", row.mean());
			form.set("standardDeviation", row.standardDeviation());
			form.set("sampleSize", row.sampleSize());
		}

		@Override
		public EvidenceEntry<CapabilityStudy> entry(EntryForm form) {
			return new CapabilityStudyEntry(form.value("characteristic"), form.value("studiedOn"),
					form.value("lowerSpecLimit"), form.value("upperSpecLimit"), form.value("mean"),
					form.value("standardDeviation"), form.value("sampleSize"));
		}

	}

}
