package io.scalegate.gate.feel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionEvaluationListener;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionLogicEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.bpm.model.dmn.Dmn;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The cached FEEL engine decides as Camunda's own: every decision of every file in bpmn/
 * on every stored decision case (V5) and on a seeded random sweep of the gate contract's
 * inputs (nulls, missing, boundaries, wrong types), the same outputs (value and type),
 * the same matched rules, the same failures (exception and message); and FEEL texts that
 * do not parse or fail at evaluation fail the same way.
 */
class SameFeelSemanticsTest {

	static final int SWEEP = 3000;

	static Engine stock;

	static Engine cached;

	static final Map<String, String> files = new TreeMap<>();

	@BeforeAll
	static void engines() throws Exception {
		stock = new Engine(new ScalaFeelEngineFactory());
		cached = new Engine(new CachedFeelEngineFactory(CachedFeelEngineFactory.DEFAULT_CACHE_SIZE));
		try (Stream<Path> dmn = Files.list(Path.of("bpmn"))) {
			for (Path file : dmn.filter(f -> f.toString().endsWith(".dmn")).sorted().toList()) {
				files.put(file.getFileName().toString(), Files.readString(file));
			}
		}
		assertThat(files).containsKeys("mass-production-gate.dmn", "customer-feedback.dmn", "gate-deliverables.dmn");
	}

	@Test
	void everyStoredCaseOnBothEngines() throws Exception {
		List<String[]> cases = storedCases();
		assertThat(cases).hasSizeGreaterThan(30);
		ObjectMapper json = new ObjectMapper();
		int compared = 0;
		for (String[] testCase : cases) {
			Map<String, Object> inputs = json.readValue(testCase[2],
					json.getTypeFactory().constructMapType(LinkedHashMap.class, String.class, Object.class));
			for (String file : files.keySet()) {
				if (stock.decisions(file).containsKey(testCase[0])) {
					String expected = stock.evaluate(file, testCase[0], inputs);
					assertThat(cached.evaluate(file, testCase[0], inputs)).as(testCase[1]).isEqualTo(expected);
					assertThat(expected).as(testCase[1]).startsWith("result ");
					compared++;
				}
			}
		}
		assertThat(compared).isEqualTo(cases.size());
	}

	@Test
	void aSweepOfInputsOnEveryDecisionOnBothEngines() {
		Random random = new Random(14);
		int compared = 0;
		int failures = 0;
		for (int i = 0; i < SWEEP; i++) {
			Map<String, Object> inputs = randomInputs(random);
			for (String file : files.keySet()) {
				for (String decision : stock.decisions(file).keySet()) {
					String expected = stock.evaluate(file, decision, inputs);
					assertThat(cached.evaluate(file, decision, inputs)).as(decision + " on " + inputs)
						.isEqualTo(expected);
					compared++;
					failures += expected.startsWith("failed ") ? 1 : 0;
				}
			}
		}
		System.out.printf("FEEL sweep: %d evaluations compared, %d of them failures on both engines%n", compared,
				failures);
		// the sweep reaches failures (wrong types) as well as results
		assertThat(failures).isPositive().isLessThan(compared);
		assertThat(compared).isEqualTo(SWEEP * 7); // seven decisions in three files
	}

	@Test
	void feelTextsEvaluateAndFailAlike() {
		FeelEngine stockFeel = new ScalaFeelEngineFactory().createInstance();
		FeelEngine cachedFeel = new CachedFeelEngineFactory(100).createInstance();
		List<String> expressions = List.of("a + b", "a * 2 > 3", "if a > 1 then \"big\" else null", "a +", "a + \"s\"",
				"foo(1)", "\"unclosed", "date(\"2026-13-01\")", "string length(s)", "upper case(s)", "count([a, b, c])",
				"{x: a}.x", "a / 0", "assert(a, a > 100)", "[1,2,3][a]", "s instance of string", "", "  ",
				"sum(for x in 1..a return x)", "not(true)", "null");
		List<String> unaryTests = List.of("> 1", "[0..0.25]", "(0.25..0.5]", "not(\"STABLE\")", "\"POSITIVE\"",
				"false, null", "> 1, null", ">= 1.33", "> >", "[1..", "foo(1)", "-", "", "null", "? > a", "< \"x\"",
				"not(", "true", "string length(?) > 2", "< date(\"2026-01-01\")");
		List<Map<String, Object>> contexts = List.of(Map.of("a", 2, "b", 3.5, "s", "POSITIVE"),
				Map.of("a", "2", "b", true, "s", 7), Map.of(), map("a", null, "b", null, "s", null),
				Map.of("a", 0.25, "b", -1L, "s", ""));
		int compared = 0;
		for (Map<String, Object> variables : contexts) {
			for (String expression : expressions) {
				assertThat(expression(cachedFeel, expression, variables)).as(expression + " on " + variables)
					.isEqualTo(expression(stockFeel, expression, variables));
				compared++;
			}
			for (String input : List.of("a", "b", "s", "missing")) {
				for (String test : unaryTests) {
					assertThat(unaryTest(cachedFeel, test, input, variables))
						.as(test + " of " + input + " on " + variables)
						.isEqualTo(unaryTest(stockFeel, test, input, variables));
					compared++;
				}
			}
		}
		assertThat(compared).isEqualTo(contexts.size() * (expressions.size() + 4 * unaryTests.size()));
		assertThat(expression(stockFeel, "a +", Map.of("a", 1))).startsWith("failed ")
			.contains("failed to parse expression 'a +'");
	}

	@Test
	void brokenDecisionsFailAlike() {
		List<String[]> broken = List.of(new String[] { "a +", "> 1", "\"x\"" }, new String[] { "a", "> >", "\"x\"" },
				new String[] { "a", "> 1", "\"unclosed" }, new String[] { "foo(a)", "> 1", "\"x\"" },
				new String[] { "a", "> 1", "a + \"s\"" }, new String[] { "a", "foo(?)", "\"x\"" },
				new String[] { "assert(a, a > 10)", "-", "1" });
		int compared = 0;
		for (String[] texts : broken) {
			String xml = table(texts[0], texts[1], texts[2]);
			for (Object a : new Object[] { 1, 2, "x", null }) {
				Map<String, Object> variables = map("a", a);
				String expected = stock.evaluateXml(xml, variables);
				assertThat(cached.evaluateXml(xml, variables)).as(String.join(" | ", texts) + " on " + a)
					.isEqualTo(expected);
				compared++;
			}
		}
		assertThat(compared).isEqualTo(broken.size() * 4);
		assertThat(stock.evaluateXml(table("a +", "> 1", "\"x\""), map("a", 1))).startsWith("failed ")
			.contains("failed to parse expression 'a +'");
	}

	static Map<String, Object> map(Object... keysAndValues) {
		Map<String, Object> map = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			map.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return map;
	}

	static String expression(FeelEngine feel, String expression, Map<String, Object> variables) {
		VariableContext context = Variables.fromMap(variables).asVariableContext();
		try {
			Object value = feel.evaluateSimpleExpression(expression, context);
			return "result " + typed(value);
		}
		catch (RuntimeException e) {
			return "failed " + e.getClass().getName() + ": " + e.getMessage();
		}
	}

	static String unaryTest(FeelEngine feel, String test, String input, Map<String, Object> variables) {
		VariableContext context = Variables.fromMap(variables).asVariableContext();
		try {
			return "result " + feel.evaluateSimpleUnaryTests(test, input, context);
		}
		catch (RuntimeException e) {
			return "failed " + e.getClass().getName() + ": " + e.getMessage();
		}
	}

	static String typed(Object value) {
		return value == null ? "null" : value + " (" + value.getClass().getName() + ")";
	}

	/** One decision table: input expression, one rule with an input entry and output. */
	static String table(String inputExpression, String inputEntry, String outputEntry) {
		return """
				<?xml version="1.0" encoding="UTF-8"?>
				<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="definitions" name="broken" namespace="http://scalegate.io/test">
				  <decision id="broken" name="broken">
				    <decisionTable id="table">
				      <input id="in"><inputExpression id="inExpr"><text>%s</text></inputExpression></input>
				      <output id="out" name="out" />
				      <rule id="rule1">
				        <inputEntry id="entry1"><text>%s</text></inputEntry>
				        <outputEntry id="output1"><text>%s</text></outputEntry>
				      </rule>
				    </decisionTable>
				  </decision>
				</definitions>
				"""
			.formatted(escape(inputExpression), escape(inputEntry), escape(outputEntry));
	}

	static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
	}

	/**
	 * The gate contract's variables and the feedback counts: mostly of their own type
	 * around the tables' thresholds, sometimes null, missing, or of another type.
	 */
	static Map<String, Object> randomInputs(Random random) {
		Map<String, Object> inputs = new LinkedHashMap<>();
		for (String name : List.of("demandMonths", "supplierBatchesDelivered", "designChangesLast90Days",
				"positiveFeedback", "mixedFeedback", "negativeFeedback", "forecastAnnualVolume")) {
			put(inputs, name, random, () -> pick(random, 0, 1, 2, 3, 5, 6, 7, 12, -1, 100000, random.nextInt(50)));
		}
		for (String name : List.of("demandCv", "supplierOnTimeRate", "supplierFirstPassYield", "processCpk",
				"smallBatchUnitCost", "massUnitCost", "toolingInvestment")) {
			put(inputs, name, random, () -> pick(random, 0.0, 0.25, 0.2500001, 0.5, 0.5000001, 0.9, 0.95, 0.9499999,
					1.0, 1.33, 1.3299999, 2.0, 5.0, 12.0, 50000.0, -0.1, random.nextDouble() * 3, 1.5e12));
		}
		put(inputs, "customerFeedback", random,
				() -> pick(random, "POSITIVE", "NEGATIVE", "MIXED", "NONE", "positive", ""));
		put(inputs, "missingDeliverables", random,
				() -> pick(random, "", "CONTROL_PLAN", "FIRST_ARTICLE_INSPECTION,PPAP_SUBMISSION_WARRANT", " "));
		put(inputs, "gate", random, () -> pick(random, "prototypeReview", "gateReview", "GATEREVIEW", ""));
		for (String name : List.of("designFrozen", "inspectionStandardApproved", "materialConfirmed",
				"surfaceFinishConfirmed", "supplierApproved", "unitCostReductionPriority", "needsSupplyCoordination")) {
			put(inputs, name, random, random::nextBoolean);
		}
		return inputs;
	}

	static void put(Map<String, Object> inputs, String name, Random random,
			java.util.function.Supplier<Object> ownType) {
		int roll = random.nextInt(100);
		if (roll < 80) {
			inputs.put(name, ownType.get());
		}
		else if (roll < 88) {
			inputs.put(name, null);
		}
		else if (roll < 93) {
			return; // missing
		}
		else {
			inputs.put(name, pick(random, "x", "12", true, 3, 0.5, List.of(1), "STABLE"));
		}
	}

	@SafeVarargs
	static <T> T pick(Random random, T... values) {
		return values[random.nextInt(values.length)];
	}

	/**
	 * The decision cases V5 seeds: decision key, name, inputs (JSON), expected (JSON).
	 */
	static List<String[]> storedCases() throws Exception {
		String sql = Files
			.readString(Path.of("src/main/resources/db/migration/V5__model_changes_and_decision_cases.sql"));
		Matcher row = Pattern.compile(
				"\\(\\s*'((?:[^']|'')*)',\\s*'((?:[^']|'')*)',\\s*'((?:[^']|'')*)',\\s*'((?:[^']|'')*)',\\s*'system'")
			.matcher(sql);
		List<String[]> cases = new ArrayList<>();
		while (row.find()) {
			cases.add(new String[] { row.group(1), row.group(2).replace("''", "'"), row.group(3).replace("''", "'"),
					row.group(4).replace("''", "'") });
		}
		return cases;
	}

	/** A standalone DMN engine that records the rules each evaluation matched. */
	static final class Engine {

		final DmnEngine dmn;

		final List<String> matched = new ArrayList<>();

		final Map<String, Map<String, DmnDecision>> parsed = new TreeMap<>();

		Engine(org.camunda.bpm.dmn.feel.impl.FeelEngineFactory feel) {
			DefaultDmnEngineConfiguration configuration = ((DefaultDmnEngineConfiguration) DmnEngineConfiguration
				.createDefaultDmnEngineConfiguration()).feelEngineFactory(feel);
			configuration.customPostDecisionEvaluationListeners(List.of(new DmnDecisionEvaluationListener() {
				@Override
				public void notify(DmnDecisionEvaluationEvent event) {
					record(event.getDecisionResult());
					event.getRequiredDecisionResults().forEach(Engine.this::record);
				}
			}));
			dmn = configuration.buildEngine();
		}

		private void record(DmnDecisionLogicEvaluationEvent event) {
			StringBuilder rules = new StringBuilder(event.getDecision().getKey()).append(':');
			if (event instanceof DmnDecisionTableEvaluationEvent table) {
				table.getMatchingRules().forEach(rule -> rules.append(rule.getId()).append(','));
			}
			matched.add(rules.toString());
		}

		Map<String, DmnDecision> decisions(String file) {
			return parsed.computeIfAbsent(file, f -> {
				Map<String, DmnDecision> decisions = new TreeMap<>();
				dmn.parseDecisions(new ByteArrayInputStream(files.get(f).getBytes(StandardCharsets.UTF_8)))
					.forEach(d -> decisions.put(d.getKey(), d));
				return decisions;
			});
		}

		String evaluate(String file, String decision, Map<String, Object> variables) {
			return evaluate(decisions(file).get(decision), variables);
		}

		String evaluateXml(String xml, Map<String, Object> variables) {
			try {
				DmnDecision decision = dmn
					.parseDecisions(
							Dmn.readModelFromStream(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))))
					.get(0);
				return evaluate(decision, variables);
			}
			catch (RuntimeException e) {
				Throwable cause = e;
				while (cause.getCause() != null) {
					cause = cause.getCause();
				}
				return "failed to parse " + e.getClass().getName() + ": " + e.getMessage() + " (" + cause + ")";
			}
		}

		String evaluate(DmnDecision decision, Map<String, Object> variables) {
			matched.clear();
			try {
				DmnDecisionResult result = dmn.evaluateDecision(decision, new LinkedHashMap<>(variables));
				List<String> rows = new ArrayList<>();
				result.getResultList().forEach(entries -> {
					StringBuilder row = new StringBuilder();
					entries.forEach((name, value) -> row.append(name).append('=').append(typed(value)).append(';'));
					rows.add(row.toString());
				});
				return "result " + rows + " matched " + matched;
			}
			catch (RuntimeException e) {
				return "failed " + e.getClass().getName() + ": " + e.getMessage() + " matched " + matched;
			}
		}

	}

}
