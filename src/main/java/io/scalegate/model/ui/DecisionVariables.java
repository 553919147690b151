package io.scalegate.model.ui;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.InformationRequirement;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.UnaryTests;

/**
 * What a decision test case of a decision fills in, read from the DMN: the variables the
 * decision reads (its own input columns and those of the decisions it requires, less the
 * results of those decisions) and its outputs, each with its label, type and allowed
 * values.
 */
record DecisionVariables(List<Variable> inputs, List<Variable> outputs) {

	/**
	 * A variable: {@code type} is the DMN typeRef ("integer", "double", "boolean",
	 * "string"…), {@code allowed} the values its column allows (empty: any), {@code list}
	 * an output of a COLLECT table (a case expects a list).
	 */
	record Variable(String name, String label, String type, List<String> allowed, boolean list) {

		boolean integer() {
			return Set.of("integer", "long", "int").contains(type);
		}

		boolean number() {
			return Set.of("double", "number", "float").contains(type);
		}

		boolean bool() {
			return "boolean".equals(type);
		}

	}

	private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"");

	private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

	static DecisionVariables of(String dmnXml, String decisionKey) {
		DmnModelInstance model = Dmn
			.readModelFromStream(new ByteArrayInputStream(dmnXml.getBytes(StandardCharsets.UTF_8)));
		Decision decision = model.getModelElementById(decisionKey);
		if (decision == null) {
			return new DecisionVariables(List.of(), List.of());
		}
		Map<String, Variable> inputs = new LinkedHashMap<>();
		inputs(decision, inputs, new HashSet<>());
		List<Variable> outputs = new ArrayList<>();
		if (decision.getExpression() instanceof DecisionTable table) {
			boolean list = table.getHitPolicy() == HitPolicy.COLLECT && table.getAggregation() == null;
			for (Output output : table.getOutputs()) {
				outputs.add(new Variable(output.getName(), label(output.getLabel(), output.getName()),
						type(output.getTypeRef()), allowed(output.getOutputValues()), list));
			}
		}
		return new DecisionVariables(List.copyOf(inputs.values()), outputs);
	}

	private static void inputs(Decision decision, Map<String, Variable> inputs, Set<String> seen) {
		if (!seen.add(decision.getId())) {
			return;
		}
		Set<String> results = new HashSet<>();
		for (InformationRequirement requirement : decision.getInformationRequirements()) {
			Decision required = requirement.getRequiredDecision();
			if (required != null) {
				inputs(required, inputs, seen);
				results.add(required.getId());
				if (required.getExpression() instanceof DecisionTable table) {
					table.getOutputs().forEach(output -> results.add(output.getName()));
				}
			}
		}
		if (!(decision.getExpression() instanceof DecisionTable table)) {
			return;
		}
		for (Input input : table.getInputs()) {
			String expression = input.getInputExpression() == null || input.getInputExpression().getText() == null ? ""
					: input.getInputExpression().getText().getTextContent().strip();
			if (NAME.matcher(expression).matches() && !results.contains(expression)) {
				inputs.putIfAbsent(expression, new Variable(expression, label(input.getLabel(), expression),
						type(input.getInputExpression().getTypeRef()), allowed(input.getInputValues()), false));
			}
		}
	}

	private static String label(String label, String name) {
		return label == null || label.isBlank() ? name : label.strip();
	}

	private static String type(String typeRef) {
		return typeRef == null ? "string" : typeRef.strip().toLowerCase();
	}

	private static List<String> allowed(UnaryTests values) {
		if (values == null || values.getText() == null) {
			return List.of();
		}
		List<String> allowed = new ArrayList<>();
		Matcher quoted = QUOTED.matcher(values.getText().getTextContent());
		while (quoted.find()) {
			allowed.add(quoted.group(1));
		}
		return allowed;
	}

}
