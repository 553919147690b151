package io.scalegate.model;

import static io.scalegate.gate.ProductLifecycle.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.InformationRequirement;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;

/**
 * The gate DRD's public contract (README, "The process and the decisions") that a changed
 * DMN must keep, once it holds any contract decision or is the gate DRD: every contract
 * decision stays a decision table that reads its input variables (itself or through the
 * decisions it requires), with their types, and keeps its outputs, whose rules give only
 * the agreed values; {@code gateReasons} keeps the hit policy COLLECT.
 */
final class DecisionContract {

	/** Decision key → input variable → typeRef. */
	private static final Map<String, Map<String, String>> INPUTS = Map.of(DEMAND_STABILITY,
			ordered("demandMonths", "integer", "demandCv", "double"), TOOLING_ECONOMICS,
			ordered("toolingInvestment", "double", "smallBatchUnitCost", "double", "massUnitCost", "double",
					"forecastAnnualVolume", "integer"),
			SUPPLIER_READINESS, ordered("supplierBatchesDelivered", "integer", "supplierOnTimeRate", "double",
					"supplierFirstPassYield", "double", "processCpk", "double"),
			MASS_PRODUCTION_GATE, gateInputs(), GATE_REASONS, gateInputs());

	/** Decision key → output name → allowed values. */
	private static final Map<String, Map<String, Set<String>>> OUTPUTS = Map.of(DEMAND_STABILITY,
			Map.of("demandStability", Set.of("STABLE", "MODERATE", "VOLATILE", "INSUFFICIENT_DATA")), TOOLING_ECONOMICS,
			Map.of("toolingEconomics", Set.of("JUSTIFIED", "MARGINAL", "NOT_JUSTIFIED")), SUPPLIER_READINESS,
			Map.of("supplierReadiness", Set.of("QUALIFIED", "CONDITIONAL", "NOT_QUALIFIED")), MASS_PRODUCTION_GATE,
			Map.of("gateRecommendation",
					Set.of("GO_MASS_PRODUCTION", "STAY_SMALL_BATCH", "RECYCLE_TO_PROTOTYPE",
							"ONE_STOP_SCALE_PLANNING")),
			GATE_REASONS,
			Map.of("reason",
					Set.of("DESIGN_NOT_FROZEN", "DEMAND_NOT_STABLE", "FEEDBACK_NOT_POSITIVE", "FEEDBACK_NEGATIVE",
							"INSPECTION_NOT_APPROVED", "MATERIAL_NOT_CONFIRMED", "FINISH_NOT_CONFIRMED",
							"SUPPLIER_NOT_QUALIFIED", "SUPPLIER_NOT_APPROVED", "TOOLING_NOT_JUSTIFIED",
							"COST_REDUCTION_NOT_PRIORITY", "NEEDS_SUPPLY_COORDINATION", "MISSING_DELIVERABLES")));

	private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"");

	private DecisionContract() {
	}

	/** Checks {@code model} when it holds a contract decision or is the gate DRD. */
	static void check(ModelFile file, DmnModelInstance model, List<ModelProblem> problems) {
		Map<String, Decision> decisions = new HashMap<>();
		model.getModelElementsByType(Decision.class).forEach(decision -> decisions.put(decision.getId(), decision));
		boolean gateModel = OUTPUTS.keySet().stream().anyMatch(decisions::containsKey)
				|| GATE_DRD_KEY.equals(model.getDefinitions().getId());
		if (!gateModel) {
			return;
		}
		for (String key : OUTPUTS.keySet()) {
			Decision decision = decisions.get(key);
			if (decision == null) {
				problems.add(new ModelProblem(file.name(), key, "the contract decision " + key + " is missing"));
				continue;
			}
			if (!(decision.getExpression() instanceof DecisionTable table)) {
				problems.add(new ModelProblem(file.name(), key,
						"the contract decision " + key + " must stay a decision table"));
				continue;
			}
			inputs(file, key, decision, problems);
			outputs(file, key, table, problems);
			if (GATE_REASONS.equals(key) && table.getHitPolicy() != HitPolicy.COLLECT) {
				problems
					.add(new ModelProblem(file.name(), table.getId(), "gateReasons must keep the hit policy COLLECT"));
			}
		}
	}

	private static void inputs(ModelFile file, String key, Decision decision, List<ModelProblem> problems) {
		List<Input> inputs = new ArrayList<>();
		collectInputs(decision, inputs, new HashSet<>());
		INPUTS.get(key).forEach((variable, type) -> {
			Pattern reads = Pattern.compile("\\b" + variable + "\\b");
			List<Input> reading = inputs.stream()
				.filter(input -> input.getInputExpression() != null && input.getInputExpression().getText() != null
						&& reads.matcher(input.getInputExpression().getText().getTextContent()).find())
				.toList();
			if (reading.isEmpty()) {
				problems.add(new ModelProblem(file.name(), key, "no longer reads the contract input " + variable));
			}
			for (Input input : reading) {
				String text = input.getInputExpression().getText().getTextContent().strip();
				String typeRef = input.getInputExpression().getTypeRef();
				if (text.equals(variable) && typeRef != null && !typeRef.equals(type)) {
					problems.add(new ModelProblem(file.name(), input.getId(),
							"the input " + variable + " must keep the type " + type + ", not " + typeRef));
				}
			}
		});
	}

	/** The inputs of {@code decision}'s table and of the tables it requires. */
	private static void collectInputs(Decision decision, List<Input> inputs, Set<String> seen) {
		if (!seen.add(decision.getId())) {
			return;
		}
		if (decision.getExpression() instanceof DecisionTable table) {
			inputs.addAll(table.getInputs());
		}
		for (InformationRequirement requirement : decision.getInformationRequirements()) {
			if (requirement.getRequiredDecision() != null) {
				collectInputs(requirement.getRequiredDecision(), inputs, seen);
			}
		}
	}

	private static void outputs(ModelFile file, String key, DecisionTable table, List<ModelProblem> problems) {
		List<Output> outputs = new ArrayList<>(table.getOutputs());
		OUTPUTS.get(key).forEach((name, allowed) -> {
			int index = -1;
			for (int i = 0; i < outputs.size(); i++) {
				if (name.equals(outputs.get(i).getName())) {
					index = i;
				}
			}
			if (index < 0) {
				problems.add(new ModelProblem(file.name(), table.getId(),
						"the output " + name + " of " + key + " is missing"));
				return;
			}
			for (Rule rule : table.getRules()) {
				List<OutputEntry> entries = new ArrayList<>(rule.getOutputEntries());
				if (index >= entries.size() || entries.get(index).getText() == null) {
					continue;
				}
				Matcher value = QUOTED.matcher(entries.get(index).getText().getTextContent());
				while (value.find()) {
					if (!allowed.contains(value.group(1))) {
						problems.add(new ModelProblem(file.name(), rule.getId(),
								"the output " + name + " may only be one of " + new TreeSet<>(allowed) + ", not \""
										+ value.group(1) + "\""));
					}
				}
			}
		});
	}

	private static Map<String, String> gateInputs() {
		return ordered("designFrozen", "boolean", "inspectionStandardApproved", "boolean", "materialConfirmed",
				"boolean", "surfaceFinishConfirmed", "boolean", "supplierApproved", "boolean",
				"unitCostReductionPriority", "boolean", "needsSupplyCoordination", "boolean", "designChangesLast90Days",
				"integer", "customerFeedback", "string", "missingDeliverables", "string");
	}

	private static Map<String, String> ordered(String... pairs) {
		Map<String, String> map = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			map.put(pairs[i], pairs[i + 1]);
		}
		return map;
	}

}
