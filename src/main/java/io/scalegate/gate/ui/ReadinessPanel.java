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
import io.scalegate.gate.GateWords;
import io.scalegate.gate.ProcessVariable;
import io.scalegate.gate.Readiness;
import io.scalegate.gate.ReadinessCheck;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The gate readiness of one product, live: the deployed gate rules evaluated on its
 * current evidence and sign-offs, each of the seed's eight conditions met or not with the
 * reason, and a what-if where any input can be changed to see the verdict move. Nothing
 * the what-if does is saved.
 */
public class ReadinessPanel extends VerticalLayout {

	private final ReadinessCheck check;

	private final String partNumber;

	private final Div verdict = new Div();

	private final Div checklist = new Div();

	private final Map<String, HasValue<?, ?>> whatIfFields = new LinkedHashMap<>();

	private final Span whatIfMarker = new Span("What-if: not saved");

	private final Map<String, Object> shown = new LinkedHashMap<>();

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
		add(whatIfMarker, verdict, checklist, whatIf());
		refresh();
	}

	/** Evaluates the product's current evidence again and resets the what-if to it. */
	public void refresh() {
		current = check.currentInputs(partNumber);
		String currency = check.costCurrency(partNumber);
		whatIfFields.forEach((name, field) -> {
			shown.put(name, setQuietly(name, field, current.values().get(name)));
			if (field instanceof NumberField money && format(name) == GateWords.Format.MONEY) {
				money.setSuffixComponent(currency == null ? null : new Span(currency));
			}
		});
		whatIfMarker.setVisible(false);
		show(check.evaluate(current));
		checklist.removeAll();
		checklist.add(new DeliverablesChecklist(check.deliverables(partNumber)));
	}

	private void show(Readiness readiness) {
		verdict.removeAll();
		Span recommendation = new Span(GateWords.recommendation(readiness.recommendation()));
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
		if (readiness.reasons().contains(GateReason.MISSING_DELIVERABLES)) {
			Paragraph missing = new Paragraph(
					"Held: " + GateWords.reason(GateReason.MISSING_DELIVERABLES, readiness.inputs()));
			missing.setId("readiness-missing-deliverables");
			verdict.add(missing);
		}
		if (readiness.reasons().contains(GateReason.NEEDS_SUPPLY_COORDINATION)) {
			verdict.add(new Paragraph("Route: " + GateReason.NEEDS_SUPPLY_COORDINATION.explanation()
					+ " A ready product goes to one-stop scale planning."));
		}
		Paragraph detail = new Paragraph("Demand " + GateWords.words(readiness.demandStability()) + " · supplier "
				+ GateWords.words(readiness.supplierReadiness()) + " · tooling "
				+ GateWords.words(readiness.toolingEconomics()));
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
			if (input.equals(MISSING_DELIVERABLES)) {
				// the documents on file, shown by the checklist; a what-if keeps them
				continue;
			}
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

	/**
	 * The what-if inputs: a field left as shown keeps the recorded value (the field shows
	 * it rounded), a changed one is read back from its unit (a percentage as a share).
	 */
	private void evaluateWhatIf() {
		Map<String, Object> changed = new LinkedHashMap<>();
		whatIfFields.forEach((name, field) -> {
			Object value = field.getValue();
			if (Objects.equals(value, shown.get(name))) {
				changed.put(name, current.values().get(name));
			}
			else {
				changed.put(name, isShare(name) && value instanceof Double percent ? percent / 100 : value);
			}
		});
		Readiness readiness = check.evaluate(current.withValues(changed));
		whatIfMarker.setVisible(true);
		show(readiness);
	}

	private static boolean isShare(String name) {
		return format(name) == GateWords.Format.SHARE;
	}

	private static GateWords.Format format(String name) {
		return GateWords.input(name).map(GateWords.Input::format).orElse(null);
	}

	/**
	 * A field for the input, in its unit (a share as a percentage; money gets its
	 * currency on refresh).
	 */
	private static Component field(ProcessVariable<?> input) {
		String label = GateWords.label(input.name());
		GateWords.Format format = format(input.name());
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
			NumberField.NumberFieldI18n i18n = new NumberField.NumberFieldI18n()
				.setMinErrorMessage(label + " cannot be negative")
				.setBadInputErrorMessage(label + " must be a number");
			if (format == GateWords.Format.SHARE) {
				field.setSuffixComponent(new Span("%"));
				field.setMax(100);
				i18n.setMaxErrorMessage(label + " cannot be more than 100 %");
			}
			field.setI18n(i18n);
			return field;
		}
		Select<String> select = new Select<>();
		select.setLabel(label);
		select.setItems(CUSTOMER_FEEDBACK_VALUES);
		select.setItemLabelGenerator(GateWords::words);
		return select;
	}

	/**
	 * Shows a recorded value in its field, rounded as it reads; returns what the field
	 * holds.
	 */
	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static Object setQuietly(String name, HasValue field, Object value) {
		if (field instanceof Checkbox box) {
			box.setValue(Boolean.TRUE.equals(value));
		}
		else if (field instanceof IntegerField number) {
			number.setValue(value == null ? null : ((Number) value).intValue());
		}
		else if (field instanceof NumberField number) {
			number.setValue(value == null ? null : rounded(name, ((Number) value).doubleValue()));
		}
		else if (field instanceof AbstractField<?, ?>) {
			field.setValue(value);
		}
		return field.getValue();
	}

	private static double rounded(String name, double value) {
		return isShare(name) ? Math.round(value * 1000) / 10.0 : Math.round(value * 100) / 100.0;
	}

}
