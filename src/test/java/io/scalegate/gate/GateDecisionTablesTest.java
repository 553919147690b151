package io.scalegate.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every rule of every decision of bpmn/mass-production-gate.dmn, on the bare DMN engine.
 */
class GateDecisionTablesTest {

	static Map<String, DmnDecision> decisions = new HashMap<>();

	static DmnEngine dmn;

	@BeforeAll
	static void parseTheDrd() throws Exception {
		dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
		for (String file : List.of("bpmn/mass-production-gate.dmn", "bpmn/customer-feedback.dmn",
				"bpmn/gate-deliverables.dmn")) {
			try (InputStream in = GateDecisionTablesTest.class.getClassLoader().getResourceAsStream(file)) {
				dmn.parseDecisions(in).forEach(d -> decisions.put(d.getKey(), d));
			}
		}
	}

	static DmnDecisionResult evaluate(String key, Map<String, Object> variables) {
		return dmn.evaluateDecision(decisions.get(key), variables);
	}

	static String single(String key, Map<String, Object> variables) {
		return evaluate(key, variables).getSingleEntry();
	}

	static Map<String, Object> vars(Object... pairs) {
		Map<String, Object> map = new HashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			map.put((String) pairs[i], pairs[i + 1]);
		}
		return map;
	}

	@Test
	void theDrdHoldsTheContractDecisions() {
		assertThat(decisions).containsKeys("demandStability", "toolingEconomics", "supplierReadiness",
				"massProductionGate", "gateReasons", "customerFeedbackSummary", "gateDeliverables");
	}

	@Nested
	class DemandStability {

		@ParameterizedTest(name = "{0} months, CV {1} -> {2}")
		@CsvSource(nullValues = "null",
				value = { "0, null, INSUFFICIENT_DATA", "1, 0.0, INSUFFICIENT_DATA", "5, 0.1, INSUFFICIENT_DATA",
						"6, 0.0, STABLE", "12, 0.25, STABLE", "12, 0.26, MODERATE", "12, 0.5, MODERATE",
						"12, 0.51, VOLATILE", "24, 2.0, VOLATILE", "12, null, INSUFFICIENT_DATA",
						"null, 0.1, INSUFFICIENT_DATA", "12, -0.1, INSUFFICIENT_DATA" })
		void classifiesDemand(Integer months, Double cv, String expected) {
			assertThat(single("demandStability", vars("demandMonths", months, "demandCv", cv))).isEqualTo(expected);
		}

	}

	@Nested
	class ToolingEconomics {

		@ParameterizedTest(name = "invest {0}, {1} -> {2} per unit, {3}/year -> {4}")
		@CsvSource(nullValues = "null", value = { "50000, 12, 5, 20000, JUSTIFIED", // 0.36
																					// years
				"0, 12, 5, 20000, JUSTIFIED", // nothing to pay back
				"140000, 12, 5, 20000, JUSTIFIED", // exactly 1 year
				"150000, 12, 5, 20000, MARGINAL", // 1.07 years
				"280000, 12, 5, 20000, MARGINAL", // exactly 2 years
				"300000, 12, 5, 20000, NOT_JUSTIFIED", // 2.1 years
				"50000, 12, 5, 0, NOT_JUSTIFIED", // zero volume
				"50000, 5, 12, 20000, NOT_JUSTIFIED", // mass unit cost above small batch
				"50000, 5, 5, 20000, NOT_JUSTIFIED", // no saving
				"null, 12, 5, 20000, NOT_JUSTIFIED", "50000, null, 5, 20000, NOT_JUSTIFIED",
				"50000, 12, 5, null, NOT_JUSTIFIED" })
		void judgesPayback(Double investment, Double smallBatch, Double mass, Integer volume, String expected) {
			assertThat(single("toolingEconomics", vars("toolingInvestment", investment, "smallBatchUnitCost",
					smallBatch, "massUnitCost", mass, "forecastAnnualVolume", volume)))
				.isEqualTo(expected);
		}

	}

	@Nested
	class SupplierReadiness {

		@ParameterizedTest(name = "{0} batches, on time {1}, yield {2}, Cpk {3} -> {4}")
		@CsvSource(nullValues = "null",
				value = { "3, 0.95, 0.95, 1.33, QUALIFIED", "10, 1.0, 1.0, 2.0, QUALIFIED",
						"2, 0.95, 0.95, 1.33, CONDITIONAL", "3, 0.94, 0.95, 1.33, CONDITIONAL",
						"3, 0.95, 0.94, 1.33, CONDITIONAL", "3, 0.95, 0.95, 1.32, CONDITIONAL",
						"2, 0.90, 0.90, 1.00, CONDITIONAL", "1, 0.90, 0.90, 1.00, NOT_QUALIFIED",
						"3, 0.89, 0.95, 1.33, NOT_QUALIFIED", "3, 0.95, 0.89, 1.33, NOT_QUALIFIED",
						"3, 0.95, 0.95, 0.99, NOT_QUALIFIED", "0, null, null, null, NOT_QUALIFIED",
						"5, 0.99, 0.99, null, NOT_QUALIFIED" })
		void judgesTheSmallBatchRecord(Integer batches, Double onTime, Double yield, Double cpk, String expected) {
			assertThat(single("supplierReadiness", vars("supplierBatchesDelivered", batches, "supplierOnTimeRate",
					onTime, "supplierFirstPassYield", yield, "processCpk", cpk)))
				.isEqualTo(expected);
		}

	}

	@Nested
	class CustomerFeedbackSummary {

		@ParameterizedTest(name = "{0} positive, {1} mixed, {2} negative -> {3}")
		@CsvSource({ "0, 0, 0, NONE", "4, 1, 0, POSITIVE", "1, 0, 0, POSITIVE", "3, 1, 0, MIXED", "2, 0, 2, NEGATIVE",
				"0, 0, 1, NEGATIVE", "8, 0, 2, POSITIVE", "1, 2, 0, MIXED" })
		void summarisesFeedback(long positive, long mixed, long negative, String expected) {
			assertThat(single("customerFeedbackSummary",
					vars("positiveFeedback", positive, "mixedFeedback", mixed, "negativeFeedback", negative)))
				.isEqualTo(expected);
		}

	}

	/** Inputs under which every gate condition holds. */
	static Map<String, Object> allMet() {
		return vars("demandMonths", 12, "demandCv", 0.1, "toolingInvestment", 50000.0, "smallBatchUnitCost", 12.0,
				"massUnitCost", 5.0, "forecastAnnualVolume", 20000, "supplierBatchesDelivered", 5, "supplierOnTimeRate",
				0.98, "supplierFirstPassYield", 0.99, "processCpk", 1.5, "designFrozen", true,
				"inspectionStandardApproved", true, "materialConfirmed", true, "surfaceFinishConfirmed", true,
				"supplierApproved", true, "unitCostReductionPriority", true, "needsSupplyCoordination", false,
				"designChangesLast90Days", 0, "customerFeedback", "POSITIVE", "missingDeliverables", "");
	}

	static List<String> reasons(Map<String, Object> variables) {
		return evaluate("gateReasons", variables).collectEntries("reason");
	}

	@Nested
	class MassProductionGateAndReasons {

		@Test
		void goesToMassProductionWhenEverythingHolds() {
			assertThat(single("massProductionGate", allMet())).isEqualTo("GO_MASS_PRODUCTION");
			assertThat(reasons(allMet())).isEmpty();
		}

		@Test
		void goesOneStopWhenOnlySupplyCoordinationIsMissing() {
			Map<String, Object> v = allMet();
			v.put("needsSupplyCoordination", true);
			assertThat(single("massProductionGate", v)).isEqualTo("ONE_STOP_SCALE_PLANNING");
			assertThat(reasons(v)).containsExactly("NEEDS_SUPPLY_COORDINATION");
		}

		@Test
		void recyclesOnNegativeFeedbackWhateverElseHolds() {
			Map<String, Object> v = allMet();
			v.put("customerFeedback", "NEGATIVE");
			v.put("needsSupplyCoordination", true);
			assertThat(single("massProductionGate", v)).isEqualTo("RECYCLE_TO_PROTOTYPE");
			assertThat(reasons(v)).containsExactlyInAnyOrder("FEEDBACK_NEGATIVE", "NEEDS_SUPPLY_COORDINATION");
		}

		@ParameterizedTest(name = "{0} = {1} -> {2}")
		@CsvSource({ "designFrozen, false, DESIGN_NOT_FROZEN", "designChangesLast90Days, 2, DESIGN_NOT_FROZEN",
				"demandCv, 0.4, DEMAND_NOT_STABLE", "demandMonths, 3, DEMAND_NOT_STABLE",
				"customerFeedback, MIXED, FEEDBACK_NOT_POSITIVE", "customerFeedback, NONE, FEEDBACK_NOT_POSITIVE",
				"inspectionStandardApproved, false, INSPECTION_NOT_APPROVED",
				"materialConfirmed, false, MATERIAL_NOT_CONFIRMED",
				"surfaceFinishConfirmed, false, FINISH_NOT_CONFIRMED", "processCpk, 1.1, SUPPLIER_NOT_QUALIFIED",
				"supplierApproved, false, SUPPLIER_NOT_APPROVED", "forecastAnnualVolume, 0, TOOLING_NOT_JUSTIFIED",
				"unitCostReductionPriority, false, COST_REDUCTION_NOT_PRIORITY" })
		void staysInSmallBatchNamingTheOneUnmetCondition(String input, String value, String reason) {
			Map<String, Object> v = allMet();
			v.put(input, typed(v.get(input), value));
			assertThat(single("massProductionGate", v)).isEqualTo("STAY_SMALL_BATCH");
			assertThat(reasons(v)).containsExactly(reason);
		}

		@Test
		void aMissingDeliverableHoldsTheGoAndIsNamed() {
			Map<String, Object> v = allMet();
			v.put("missingDeliverables", "CONTROL_PLAN,PPAP_SUBMISSION_WARRANT");
			assertThat(single("massProductionGate", v)).isEqualTo("STAY_SMALL_BATCH");
			assertThat(reasons(v)).containsExactly("MISSING_DELIVERABLES");
			v.put("needsSupplyCoordination", true);
			assertThat(single("massProductionGate", v)).isEqualTo("STAY_SMALL_BATCH");
			assertThat(reasons(v)).containsExactlyInAnyOrder("MISSING_DELIVERABLES", "NEEDS_SUPPLY_COORDINATION");
			v.put("customerFeedback", "NEGATIVE");
			assertThat(single("massProductionGate", v)).isEqualTo("RECYCLE_TO_PROTOTYPE");
		}

		@Test
		void deliverablesAllOnFileOrNotCheckedChangeNothing() {
			Map<String, Object> v = allMet();
			v.put("missingDeliverables", "");
			assertThat(single("massProductionGate", v)).isEqualTo("GO_MASS_PRODUCTION");
			assertThat(reasons(v)).isEmpty();
			v.put("missingDeliverables", null);
			assertThat(single("massProductionGate", v)).isEqualTo("GO_MASS_PRODUCTION");
			assertThat(reasons(v)).isEmpty();
			v.remove("missingDeliverables");
			assertThat(single("massProductionGate", v)).isEqualTo("GO_MASS_PRODUCTION");
		}

		@Test
		void oneDesignChangeIn90DaysStillCountsAsFrozen() {
			Map<String, Object> v = allMet();
			v.put("designChangesLast90Days", 1);
			assertThat(single("massProductionGate", v)).isEqualTo("GO_MASS_PRODUCTION");
		}

		@Test
		void givesAVerdictWithNoInputAtAll() {
			assertThat(single("massProductionGate", new HashMap<>())).isEqualTo("STAY_SMALL_BATCH");
			assertThat(reasons(new HashMap<>())).contains("DESIGN_NOT_FROZEN", "DEMAND_NOT_STABLE",
					"FEEDBACK_NOT_POSITIVE", "INSPECTION_NOT_APPROVED", "MATERIAL_NOT_CONFIRMED",
					"FINISH_NOT_CONFIRMED", "SUPPLIER_NOT_QUALIFIED", "SUPPLIER_NOT_APPROVED", "TOOLING_NOT_JUSTIFIED",
					"COST_REDUCTION_NOT_PRIORITY");
		}

		/**
		 * The recommendation and the reasons never contradict each other, whatever the
		 * inputs (nulls included).
		 */
		@Test
		void recommendationAndReasonsAgreeOnRandomInputs() {
			Random random = new Random(42);
			List<String> failures = new ArrayList<>();
			for (int i = 0; i < 3000; i++) {
				Map<String, Object> v = randomInputs(random);
				String recommendation = single("massProductionGate", v);
				List<String> reasons = reasons(v);
				String expected = reasons.contains("FEEDBACK_NEGATIVE") ? "RECYCLE_TO_PROTOTYPE"
						: reasons.isEmpty() ? "GO_MASS_PRODUCTION"
								: reasons.equals(List.of("NEEDS_SUPPLY_COORDINATION")) ? "ONE_STOP_SCALE_PLANNING"
										: "STAY_SMALL_BATCH";
				if (!expected.equals(recommendation)) {
					failures.add(v + " -> " + recommendation + " but reasons " + reasons);
				}
			}
			assertThat(failures).isEmpty();
		}

	}

	@Nested
	class GateDeliverables {

		List<String> kinds(String gate) {
			return evaluate("gateDeliverables", vars("gate", gate)).collectEntries("documentKind");
		}

		@Test
		void gateOneRequiresTheDrawing() {
			assertThat(kinds("prototypeReview")).containsExactly("DRAWING");
		}

		@Test
		void gateTwoRequiresThePpapElementsOfASeriesRelease() {
			assertThat(kinds("gateReview")).containsExactly("FIRST_ARTICLE_INSPECTION", "MATERIAL_CERTIFICATE",
					"CONTROL_PLAN", "PPAP_SUBMISSION_WARRANT");
		}

		@Test
		void anotherTaskRequiresNothing() {
			assertThat(kinds("designFreezeSignOff")).isEmpty();
			assertThat(evaluate("gateDeliverables", new HashMap<>()).getResultList()).isEmpty();
		}

	}

	private static Object typed(Object example, String value) {
		if (example instanceof Boolean) {
			return Boolean.valueOf(value);
		}
		if (example instanceof Integer) {
			return Integer.valueOf(value);
		}
		if (example instanceof Double) {
			return Double.valueOf(value);
		}
		return value;
	}

	private static Map<String, Object> randomInputs(Random random) {
		Map<String, Object> v = allMet();
		for (String key : new ArrayList<>(v.keySet())) {
			if (random.nextInt(4) != 0) {
				continue; // keep most inputs "met" so that every outcome is reached
			}
			Object value = v.get(key);
			Object changed = switch (random.nextInt(6)) {
				case 0 -> null;
				default -> value instanceof Boolean b ? !b
						: value instanceof Integer n ? random.nextInt(Math.max(2, n * 2 + 3))
								: value instanceof Double d ? random.nextDouble() * d * 2
										: List.of("POSITIVE", "MIXED", "NEGATIVE", "NONE").get(random.nextInt(4));
			};
			v.put(key, changed);
		}
		return v;
	}

}
