package io.scalegate.model;

import static io.scalegate.gate.ProductLifecycle.*;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.camunda.bpm.model.dmn.instance.UnaryTests;

/**
 * The contract of the deliverables checklist (bpmn/gate-deliverables.dmn), which a
 * changed file holding {@code gateDeliverables} (or the checklist's definitions) must
 * keep: a decision table with the hit policy COLLECT (one row per required kind) that
 * reads only the gate ({@code gate}, a string: the user task key {@code prototypeReview}
 * or {@code gateReview}) and gives the output {@code documentKind}, whose rules and
 * allowed values name only known document kind codes. Further outputs (say, why a kind is
 * required) are free.
 */
final class DeliverablesContract {

	private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"");

	private DeliverablesContract() {
	}

	static void check(ModelFile file, DmnModelInstance model, List<ModelProblem> problems) {
		Decision decision = model.getModelElementsByType(Decision.class)
			.stream()
			.filter(candidate -> GATE_DELIVERABLES.equals(candidate.getId()))
			.findFirst()
			.orElse(null);
		if (decision == null) {
			if (DELIVERABLES_DRD_KEY.equals(model.getDefinitions().getId())) {
				problems.add(new ModelProblem(file.name(), GATE_DELIVERABLES,
						"the deliverables checklist decision " + GATE_DELIVERABLES + " is missing"));
			}
			return;
		}
		if (!(decision.getExpression() instanceof DecisionTable table)) {
			problems.add(new ModelProblem(file.name(), GATE_DELIVERABLES,
					"the deliverables checklist " + GATE_DELIVERABLES + " must stay a decision table"));
			return;
		}
		if (table.getHitPolicy() != HitPolicy.COLLECT || table.getAggregation() != null) {
			problems.add(new ModelProblem(file.name(), table.getId(), GATE_DELIVERABLES
					+ " must keep the hit policy COLLECT without aggregation: a gate requires one document kind per row"));
		}
		inputs(file, table, problems);
		outputs(file, table, problems);
	}

	private static void inputs(ModelFile file, DecisionTable table, List<ModelProblem> problems) {
		List<Input> inputs = new ArrayList<>(table.getInputs());
		int gateColumn = -1;
		for (int i = 0; i < inputs.size(); i++) {
			Input input = inputs.get(i);
			String text = input.getInputExpression() == null || input.getInputExpression().getText() == null ? ""
					: input.getInputExpression().getText().getTextContent().strip();
			if (!DELIVERABLES_GATE.equals(text)) {
				problems.add(new ModelProblem(file.name(), input.getId(),
						GATE_DELIVERABLES + " reads only the gate (the input " + DELIVERABLES_GATE
								+ ", the user task key " + String.join(" or ", GATES) + "), not `" + text + "`"));
				continue;
			}
			gateColumn = i;
			String typeRef = input.getInputExpression().getTypeRef();
			if (typeRef != null && !typeRef.equals("string")) {
				problems.add(new ModelProblem(file.name(), input.getId(),
						"the input " + DELIVERABLES_GATE + " must keep the type string, not " + typeRef));
			}
			quoted(input.getInputValues(), "the allowed values of the input " + DELIVERABLES_GATE, GATES, "a gate",
					file, input.getId(), problems);
		}
		if (gateColumn < 0) {
			problems.add(new ModelProblem(file.name(), table.getId(),
					GATE_DELIVERABLES + " no longer reads the gate (the input " + DELIVERABLES_GATE + ")"));
			return;
		}
		for (Rule rule : table.getRules()) {
			List<InputEntry> entries = new ArrayList<>(rule.getInputEntries());
			if (gateColumn < entries.size() && entries.get(gateColumn).getText() != null) {
				Matcher value = QUOTED.matcher(entries.get(gateColumn).getText().getTextContent());
				while (value.find()) {
					if (!GATES.contains(value.group(1))) {
						problems.add(new ModelProblem(file.name(), rule.getId(),
								"the gate may only be one of " + GATES + ", not \"" + value.group(1) + "\""));
					}
				}
			}
		}
	}

	private static void outputs(ModelFile file, DecisionTable table, List<ModelProblem> problems) {
		List<Output> outputs = new ArrayList<>(table.getOutputs());
		int index = -1;
		for (int i = 0; i < outputs.size(); i++) {
			if (DELIVERABLES_KIND.equals(outputs.get(i).getName())) {
				index = i;
			}
		}
		if (index < 0) {
			problems.add(new ModelProblem(file.name(), table.getId(),
					"the output " + DELIVERABLES_KIND + " of " + GATE_DELIVERABLES + " is missing"));
			return;
		}
		Output output = outputs.get(index);
		if (output.getTypeRef() != null && !output.getTypeRef().equals("string")) {
			problems.add(new ModelProblem(file.name(), output.getId(),
					"the output " + DELIVERABLES_KIND + " must keep the type string, not " + output.getTypeRef()));
		}
		quoted(output.getOutputValues(), "the allowed values of " + DELIVERABLES_KIND, DOCUMENT_KINDS,
				"a document kind", file, output.getId(), problems);
		for (Rule rule : table.getRules()) {
			List<OutputEntry> entries = new ArrayList<>(rule.getOutputEntries());
			String text = index < entries.size() && entries.get(index).getText() != null
					? entries.get(index).getText().getTextContent().strip() : "";
			Matcher value = QUOTED.matcher(text);
			if (!value.matches()) {
				problems.add(new ModelProblem(file.name(), rule.getId(), "the output " + DELIVERABLES_KIND
						+ " must be one document kind in quotes (one of " + DOCUMENT_KINDS + "), not `" + text + "`"));
			}
			else if (!DOCUMENT_KINDS.contains(value.group(1))) {
				problems.add(new ModelProblem(file.name(), rule.getId(),
						"the output " + DELIVERABLES_KIND + " may only be a known document kind, one of "
								+ DOCUMENT_KINDS + ", not \"" + value.group(1) + "\""));
			}
		}
	}

	/** Every quoted value of {@code values} among {@code known}. */
	private static void quoted(UnaryTests values, String what, List<String> known, String kind, ModelFile file,
			String element, List<ModelProblem> problems) {
		if (values == null || values.getText() == null) {
			return;
		}
		Matcher value = QUOTED.matcher(values.getText().getTextContent());
		while (value.find()) {
			if (!known.contains(value.group(1))) {
				problems.add(new ModelProblem(file.name(), element,
						what + " may only name " + kind + " of " + known + ", not \"" + value.group(1) + "\""));
			}
		}
	}

}
