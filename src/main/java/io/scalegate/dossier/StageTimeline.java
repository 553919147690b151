package io.scalegate.dossier;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import io.scalegate.gate.GateWords;
import io.scalegate.gate.ProductLifecycle;
import io.scalegate.product.Stage;
import io.scalegate.product.StageChange;
import io.scalegate.task.Signature;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Prototype → small batch → mass production as steps: the date each stage was reached,
 * the stage the product is in, and under each gate the signatures that passed it (who,
 * when, what decision).
 */
final class StageTimeline extends Div {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH)
		.withZone(ZoneId.systemDefault());

	StageTimeline(Stage current, List<StageChange> history, List<Signature> signatures) {
		setId("stage-timeline");
		getStyle().set("display", "flex")
			.set("flex-wrap", "wrap")
			.set("align-items", "stretch")
			.set("gap", "var(--lumo-space-s)")
			.set("margin", "var(--lumo-space-s) 0");
		List<Stage> path = new ArrayList<>(List.of(Stage.PROTOTYPE, Stage.SMALL_BATCH));
		path.add(current == Stage.ONE_STOP_SCALE_PLANNING || current == Stage.CANCELLED ? current
				: Stage.MASS_PRODUCTION);
		for (int i = 0; i < path.size(); i++) {
			Stage stage = path.get(i);
			if (i > 0) {
				add(gate(i == 1 ? "Gate 1" : "Gate 2", gateSignatures(
						i == 1 ? ProductLifecycle.PROTOTYPE_REVIEW : ProductLifecycle.GATE_REVIEW, signatures)));
			}
			add(step(stage, current, reached(stage, history)));
		}
	}

	private static Div step(Stage stage, Stage current, StageChange reached) {
		Span name = new Span(stage.label());
		name.getStyle().set("font-weight", "600").set("display", "block");
		Span when = new Span(reached == null ? "not yet" : "since " + DAY.format(reached.changedAt()));
		when.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
		Div step = new Div(name, when);
		step.setId("step-" + stage.name());
		boolean here = stage == current;
		step.getElement().setAttribute("data-current", String.valueOf(here));
		step.getStyle()
			.set("padding", "var(--lumo-space-s) var(--lumo-space-m)")
			.set("border-radius", "var(--lumo-border-radius-l)")
			.set("min-width", "10em")
			.set("border", here ? "2px solid var(--lumo-primary-color)" : "1px solid var(--lumo-contrast-20pct)")
			.set("background", here ? "var(--lumo-primary-color-10pct)"
					: reached == null ? "transparent" : "var(--lumo-contrast-5pct)");
		return step;
	}

	private static Div gate(String label, List<Signature> passed) {
		Span name = new Span("→ " + label);
		name.getStyle().set("font-weight", "500").set("display", "block");
		Div gate = new Div(name);
		gate.getStyle()
			.set("align-self", "center")
			.set("font-size", "var(--lumo-font-size-s)")
			.set("color", "var(--lumo-secondary-text-color)")
			.set("max-width", "16em");
		if (passed.isEmpty()) {
			gate.add(new Span("not decided"));
		}
		for (Signature signature : passed) {
			Div line = new Div(new Span(
					decision(signature) + " · " + signature.printedName() + " · " + DAY.format(signature.signedAt())));
			line.setClassName("gate-signature");
			if (signature.withoutClaim()) {
				Span marker = new Span(Signature.WITHOUT_CLAIM);
				marker.addClassName("without-claim");
				marker.getElement().getThemeList().add("badge contrast small");
				line.add(new Span(" "), marker);
			}
			gate.add(line);
		}
		return gate;
	}

	private static String decision(Signature signature) {
		String values = signature.signedValues();
		for (String key : List.of("\"gateDecision\":\"", "\"prototypeDecision\":\"")) {
			int at = values.indexOf(key);
			if (at >= 0) {
				int start = at + key.length();
				return GateWords.recommendation(values.substring(start, values.indexOf('"', start)));
			}
		}
		return signature.meaning().label();
	}

	private static List<Signature> gateSignatures(String taskKey, List<Signature> signatures) {
		return signatures.stream().filter(s -> s.taskKey().equals(taskKey)).toList();
	}

	private static StageChange reached(Stage stage, List<StageChange> history) {
		StageChange latest = null;
		for (StageChange change : history) {
			if (change.toStage() == stage) {
				latest = change;
			}
		}
		return latest;
	}

}
