package io.scalegate.model.cases;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scalegate.gate.feel.CachedFeelEngineFactory;
import io.scalegate.model.ModelFile;
import io.scalegate.model.ModelProblem;
import io.scalegate.model.ModelValidation;
import io.scalegate.model.cases.CaseRun.CaseResult;
import io.scalegate.model.cases.CaseRun.RuleCoverage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionEvaluationListener;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionLogicEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.springframework.stereotype.Component;

/**
 * Runs decision test cases on a DMN file that need not be deployed (a draft), with
 * Camunda's standalone DMN engine: no history, nothing stored. Records which rules each
 * evaluation matched, the required decisions' included, so the result can be shown rule
 * by rule. The file is validated first ({@link ModelValidation}): a file that fails
 * validation is never evaluated, not even by its own cases, since it may hold code (an
 * expression in JUEL or a script language) that only a second person's review may let
 * run.
 */
@Component
public class DecisionCaseRunner {

	private final ObjectMapper json;

	private final DecisionCases cases;

	private final ModelValidation validation;

	/**
	 * The rules matched by the evaluation under way in this thread (the engine's listener
	 * fills it).
	 */
	private final ThreadLocal<List<String>> matched = ThreadLocal.withInitial(ArrayList::new);

	private final DmnEngine engine;

	DecisionCaseRunner(ObjectMapper json, DecisionCases cases, ModelValidation validation,
			CachedFeelEngineFactory feel) {
		this.json = json;
		this.cases = cases;
		this.validation = validation;
		DefaultDmnEngineConfiguration configuration = (DefaultDmnEngineConfiguration) feel.dmnEngineConfiguration();
		configuration.customPostDecisionEvaluationListeners(List.of(new DmnDecisionEvaluationListener() {
			@Override
			public void notify(DmnDecisionEvaluationEvent event) {
				collect(event.getDecisionResult(), matched.get());
				event.getRequiredDecisionResults().forEach(required -> collect(required, matched.get()));
			}
		}));
		this.engine = configuration.buildEngine();
	}

	/** The decision keys of a DMN file (empty when it does not parse). */
	public static Set<String> decisionKeys(String dmnXml) {
		try {
			DmnModelInstance model = Dmn
				.readModelFromStream(new ByteArrayInputStream(dmnXml.getBytes(StandardCharsets.UTF_8)));
			Set<String> keys = new LinkedHashSet<>();
			model.getModelElementsByType(Decision.class).forEach(decision -> keys.add(decision.getId()));
			return keys;
		}
		catch (RuntimeException unreadable) {
			return Set.of();
		}
	}

	/** Every stored case of the file's decisions, run on the file. */
	public CaseRun run(String file, String dmnXml) {
		return run(file, dmnXml, cases.of(decisionKeys(dmnXml)));
	}

	public CaseRun run(String file, String dmnXml, List<DecisionCase> testCases) {
		List<ModelProblem> problems = validation
			.validate(List.of(new ModelFile(file, dmnXml.getBytes(StandardCharsets.UTF_8))));
		if (!problems.isEmpty()) {
			ModelProblem first = problems.get(0);
			return CaseRun.refused(file, testCases,
					"not run: this version fails validation, and ScaleGate evaluates no model that does ("
							+ (first.element().isEmpty() ? "" : first.element() + ": ") + first.message() + ")");
		}
		Map<String, Set<String>> reached = new HashMap<>();
		List<String> matched = this.matched.get();
		Map<String, DmnDecision> decisions = new HashMap<>();
		DmnModelInstance model;
		try {
			model = Dmn.readModelFromStream(new ByteArrayInputStream(dmnXml.getBytes(StandardCharsets.UTF_8)));
			engine.parseDecisions(model).forEach(decision -> decisions.put(decision.getKey(), decision));
		}
		catch (RuntimeException unreadable) {
			return CaseRun.refused(file, testCases, "the file does not parse as DMN");
		}
		Map<String, Boolean> failedRules = new HashMap<>();
		List<CaseResult> results = new ArrayList<>();
		for (DecisionCase testCase : testCases) {
			matched.clear();
			CaseResult result = evaluate(decisions.get(testCase.decisionKey()), testCase, matched);
			results.add(result);
			for (String rule : new LinkedHashSet<>(result.matchedRules())) {
				reached.computeIfAbsent(rule, r -> new LinkedHashSet<>()).add(testCase.name());
				failedRules.merge(rule, !result.passed(), Boolean::logicalOr);
			}
		}
		matched.clear();
		return new CaseRun(file, results, rules(model, reached, failedRules), null);
	}

	private static void collect(DmnDecisionLogicEvaluationEvent event, List<String> matched) {
		if (event instanceof DmnDecisionTableEvaluationEvent table) {
			table.getMatchingRules().forEach(rule -> matched.add(rule.getId()));
		}
	}

	private CaseResult evaluate(DmnDecision decision, DecisionCase testCase, List<String> matched) {
		if (decision == null) {
			return new CaseResult(testCase, false, "", List.of(),
					"decision " + testCase.decisionKey() + " is not in this file");
		}
		try {
			Map<String, Object> variables = json.readValue(testCase.inputs(),
					json.getTypeFactory().constructMapType(LinkedHashMap.class, String.class, Object.class));
			DmnDecisionResult result = engine.evaluateDecision(decision, variables);
			JsonNode expected = json.readTree(testCase.expected());
			Map<String, Object> actual = new TreeMap<>();
			List<String> wrong = new ArrayList<>();
			boolean collect = result.size() != 1 || isCollect(decision);
			expected.fieldNames().forEachRemaining(output -> {
				Object value = collect ? result.collectEntries(output)
						: result.getSingleResult() == null ? null : result.getSingleResult().getEntry(output);
				actual.put(output, value);
				if (!same(expected.get(output), json.valueToTree(value))) {
					wrong.add(output + " is " + text(value) + ", expected " + expected.get(output));
				}
			});
			List<String> ownRules = new ArrayList<>(matched);
			return new CaseResult(testCase, wrong.isEmpty(), json.writeValueAsString(actual), ownRules,
					String.join("; ", wrong));
		}
		catch (JsonProcessingException e) {
			return new CaseResult(testCase, false, "", List.of(), "the case is not JSON: " + e.getOriginalMessage());
		}
		catch (RuntimeException e) {
			return new CaseResult(testCase, false, "", List.of(), "the decision failed: " + e.getMessage());
		}
	}

	private static boolean isCollect(DmnDecision decision) {
		return decision.getDecisionLogic() instanceof org.camunda.bpm.dmn.engine.impl.DmnDecisionTableImpl table
				&& table.getHitPolicyHandler() != null
				&& table.getHitPolicyHandler()
					.getHitPolicyEntry()
					.getHitPolicy() == org.camunda.bpm.model.dmn.HitPolicy.COLLECT;
	}

	/**
	 * Equal as JSON; numbers by value; lists without order (a COLLECT result has none).
	 */
	private boolean same(JsonNode expected, JsonNode actual) {
		if (expected.isNumber() && actual.isNumber()) {
			return Double.compare(expected.asDouble(), actual.asDouble()) == 0;
		}
		if (expected.isArray() && actual.isArray()) {
			List<String> want = new ArrayList<>();
			List<String> got = new ArrayList<>();
			expected.forEach(node -> want.add(node.toString()));
			actual.forEach(node -> got.add(node.toString()));
			want.sort(null);
			got.sort(null);
			return want.equals(got);
		}
		return Objects.equals(expected, actual);
	}

	private String text(Object value) {
		try {
			return json.writeValueAsString(value);
		}
		catch (JsonProcessingException e) {
			return String.valueOf(value);
		}
	}

	private static List<RuleCoverage> rules(DmnModelInstance model, Map<String, Set<String>> reached,
			Map<String, Boolean> failed) {
		List<RuleCoverage> rules = new ArrayList<>();
		for (Decision decision : model.getModelElementsByType(Decision.class)) {
			if (!(decision.getExpression() instanceof DecisionTable table)) {
				continue;
			}
			List<Input> inputs = new ArrayList<>(table.getInputs());
			List<Output> outputs = new ArrayList<>(table.getOutputs());
			int number = 0;
			for (Rule rule : table.getRules()) {
				number++;
				List<String> conditions = new ArrayList<>();
				int i = 0;
				for (InputEntry entry : rule.getInputEntries()) {
					String text = entry.getTextContent().strip();
					if (!text.isEmpty() && !text.equals("-") && i < inputs.size()) {
						conditions
							.add(label(inputs.get(i).getLabel(), inputs.get(i).getInputExpression().getTextContent())
									+ " " + text);
					}
					i++;
				}
				List<String> results = new ArrayList<>();
				int o = 0;
				for (OutputEntry entry : rule.getOutputEntries()) {
					String name = o < outputs.size() ? outputs.get(o).getName() : "output " + (o + 1);
					results.add(name + " = " + entry.getTextContent().strip());
					o++;
				}
				rules.add(new RuleCoverage(decision.getId(), rule.getId(), number,
						conditions.isEmpty() ? "otherwise" : String.join(" and ", conditions),
						String.join(", ", results), List.copyOf(reached.getOrDefault(rule.getId(), new HashSet<>())),
						failed.getOrDefault(rule.getId(), false)));
			}
		}
		return rules;
	}

	private static String label(String label, String expression) {
		return label == null || label.isBlank() ? expression.strip() : label;
	}

}
