package io.scalegate.gate.ui;

import static io.scalegate.gate.ProductLifecycle.*;

import com.vaadin.flow.component.AbstractField;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import io.scalegate.gate.GateInputs;
import io.scalegate.gate.GateReason;
import io.scalegate.gate.ProcessVariable;
import io.scalegate.gate.Readiness;
import io.scalegate.gate.ReadinessCheck;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The gate readiness of one product, live: the deployed gate rules evaluated on its
 * current evidence and sign-offs, each of the seed's eight conditions met or not with the
 * reason, and a what-if where any input can be changed to see the verdict move. Nothing
 * the what-if does is saved.
 */
public class ReadinessPanel extends VerticalLayout {

	static final Map<String, String> LABELS = labels();

	private final ReadinessCheck check;

	private final String partNumber;

	private final Div verdict = new Div();

	private final Map<String, HasValue<?, ?>> whatIfFields = new LinkedHashMap<>();

	private final Span whatIfMarker = new Span("What-if: not saved");

	private GateInputs current;

	public ReadinessPanel(ReadinessCheck check, String partNumber) {
		this.check = check;
		this.partNumber = partNumber;
		setId("readiness-panel");
		setPadding(false);
		setSpacing(false);
		add(new H3("Gate readiness"));
		verdict.setId("readiness-verdict");
		verdict.setWidthFull();
		whatIfMarker.setId("what-if-marker");
		whatIfMarker.getElement().getThemeList().add("badge contrast");
		whatIfMarker.setVisible(false);
		add(whatIfMarker, verdict, whatIf());
		refresh();
	}

	/** Evaluates the product's current evidence again and resets the what-if to it. */
	public void refresh() {
		current = check.currentInputs(partNumber);
		whatIfFields.forEach((name, field) -> setQuietly(field, current.values().get(name)));
		whatIfMarker.setVisible(false);
		show(check.evaluate(current));
	}

	private void show(Readiness readiness) {
		verdict.removeAll();
		Span recommendation = new Span(words(readiness.recommendation()));
		recommendation.setId("readiness-recommendation");
		recommendation.getElement().getThemeList().add(readiness.ready() ? "badge success" : "badge");
		recommendation.getStyle().set("font-size", "var(--lumo-font-size-m)");
		Span rules = new Span("gate rules v" + readiness.rulesVersion());
		rules.getStyle()
			.set("color", "var(--lumo-secondary-text-color)")
			.set("margin-left", "var(--lumo-space-s)")
			.set("font-size", "var(--lumo-font-size-s)");
		verdict.add(new Div(recommendation, rules));
		Div signals = new Div();
		signals.setId("readiness-signals");
		for (Readiness.SignalStatus status : readiness.signals()) {
			signals.add(signal(status));
		}
		verdict.add(signals);
		if (readiness.reasons().contains(GateReason.NEEDS_SUPPLY_COORDINATION)) {
			verdict.add(new Paragraph("Route: " + GateReason.NEEDS_SUPPLY_COORDINATION.explanation()
					+ " A ready product goes to one-stop scale planning."));
		}
		Paragraph detail = new Paragraph("Demand " + lower(readiness.demandStability()) + " · supplier "
				+ lower(readiness.supplierReadiness()) + " · tooling " + lower(readiness.toolingEconomics()));
		detail.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
		verdict.add(detail);
	}

	private static Div signal(Readiness.SignalStatus status) {
		Icon icon = status.met() ? VaadinIcon.CHECK_CIRCLE.create() : VaadinIcon.CLOSE_CIRCLE.create();
		icon.setColor(status.met() ? "var(--lumo-success-color)" : "var(--lumo-error-color)");
		icon.setSize("var(--lumo-icon-size-s)");
		Span label = new Span(status.signal().label());
		label.getStyle().set("font-weight", "500").set("margin-left", "var(--lumo-space-xs)");
		Div row = new Div(icon, label);
		row.setId("signal-" + status.signal().name());
		row.getElement().setAttribute("data-met", String.valueOf(status.met()));
		row.getStyle().set("padding", "var(--lumo-space-xs) 0");
		for (GateReason reason : status.unmetBecause()) {
			Div why = new Div(new Span(reason.explanation()));
			why.getStyle()
				.set("margin-left", "1.6em")
				.set("color", "var(--lumo-secondary-text-color)")
				.set("font-size", "var(--lumo-font-size-s)");
			row.add(why);
		}
		return row;
	}

	private Details whatIf() {
		FormLayout form = new FormLayout();
		form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("420px", 2));
		for (ProcessVariable<?> input : GATE_INPUTS) {
			Component field = field(input);
			field.setId("what-if-" + input.name());
			whatIfFields.put(input.name(), (HasValue<?, ?>) field);
			form.add(field);
			((HasValue<?, ?>) field).addValueChangeListener(change -> {
				if (change.isFromClient()) {
					evaluateWhatIf();
				}
			});
		}
		Button reset = new Button("Back to the recorded evidence", VaadinIcon.REFRESH.create(), click -> refresh());
		reset.setId("what-if-reset");
		reset.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
		Paragraph hint = new Paragraph(
				"Change any input to see how the verdict and the reasons would change. " + "Nothing here is saved.");
		hint.getStyle().set("font-size", "var(--lumo-font-size-s)");
		Details details = new Details("What if…", new VerticalLayout(hint, form, reset));
		details.setId("what-if");
		return details;
	}

	private void evaluateWhatIf() {
		Map<String, Object> changed = new LinkedHashMap<>();
		whatIfFields.forEach((name, field) -> changed.put(name, field.getValue()));
		Readiness readiness = check.evaluate(current.withValues(changed));
		whatIfMarker.setVisible(true);
		show(readiness);
	}

	private static Component field(ProcessVariable<?> input) {
		String label = LABELS.getOrDefault(input.name(), input.name());
		if (input.type() == Boolean.class) {
			return new Checkbox(label);
		}
		if (input.type() == Integer.class) {
			IntegerField field = new IntegerField(label);
			field.setMin(0);
			field.setI18n(new IntegerField.IntegerFieldI18n().setMinErrorMessage(label + " cannot be negative")
				.setBadInputErrorMessage(label + " must be a whole number"));
			return field;
		}
		if (input.type() == Double.class) {
			NumberField field = new NumberField(label);
			field.setMin(0);
			field.setI18n(new NumberField.NumberFieldI18n().setMinErrorMessage(label + " cannot be negative")
				.setBadInputErrorMessage(label + " must be a number"));
			return field;
		}
		Select<String> select = new Select<>();
		select.setLabel(label);
		select.setItems(CUSTOMER_FEEDBACK_VALUES);
		return select;
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static void setQuietly(HasValue field, Object value) {
		if (field instanceof Checkbox box) {
			box.setValue(Boolean.TRUE.equals(value));
		}
		else if (field instanceof IntegerField number) {
			number.setValue(value == null ? null : ((Number) value).intValue());
		}
		else if (field instanceof NumberField number) {
			number.setValue(value == null ? null : ((Number) value).doubleValue());
		}
		else if (field instanceof AbstractField<?, ?>) {
			field.setValue(value);
		}
	}

	private static String lower(String constant) {
		return constant == null ? "—" : constant.replace('_', ' ').toLowerCase();
	}

	private static String words(String constant) {
		if (constant == null) {
			return "—";
		}
		String text = constant.replace('_', ' ').toLowerCase();
		return Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

	private static Map<String, String> labels() {
		Map<String, String> labels = new LinkedHashMap<>();
		labels.put(DEMAND_MONTHS.name(), "Months of order history");
		labels.put(DEMAND_CV.name(), "Demand CV");
		labels.put(TOOLING_INVESTMENT.name(), "Tooling investment");
		labels.put(SMALL_BATCH_UNIT_COST.name(), "Small-batch unit cost");
		labels.put(MASS_UNIT_COST.name(), "Mass unit cost");
		labels.put(FORECAST_ANNUAL_VOLUME.name(), "Forecast annual volume");
		labels.put(SUPPLIER_BATCHES_DELIVERED.name(), "Consecutive conforming batches");
		labels.put(SUPPLIER_ON_TIME_RATE.name(), "On-time rate (0–1)");
		labels.put(SUPPLIER_FIRST_PASS_YIELD.name(), "First-pass yield (0–1)");
		labels.put(PROCESS_CPK.name(), "Process Cpk");
		labels.put(DESIGN_FROZEN.name(), "Design frozen");
		labels.put(INSPECTION_STANDARD_APPROVED.name(), "Inspection standard approved");
		labels.put(MATERIAL_CONFIRMED.name(), "Material confirmed");
		labels.put(SURFACE_FINISH_CONFIRMED.name(), "Surface finish confirmed");
		labels.put(SUPPLIER_APPROVED.name(), "Supplier approved");
		labels.put(UNIT_COST_REDUCTION_PRIORITY.name(), "Unit-cost reduction is the priority");
		labels.put(NEEDS_SUPPLY_COORDINATION.name(), "Needs broader supply coordination");
		labels.put(DESIGN_CHANGES_LAST_90_DAYS.name(), "Design changes, last 90 days");
		labels.put(CUSTOMER_FEEDBACK.name(), "Customer feedback");
		return labels;
	}

}
