package io.scalegate.gate;

import static io.scalegate.gate.ProductLifecycle.*;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scalegate.base.InvalidInput;
import io.scalegate.evidence.EvidenceService;
import io.scalegate.evidence.FeedbackCounts;
import io.scalegate.evidence.GateEvidence;
import io.scalegate.gate.feel.CachedFeelEngineFactory;
import io.scalegate.product.Product;
import io.scalegate.product.ProductService;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRequirementsGraph;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.DecisionRequirementsDefinition;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Evaluates the deployed gate DRD (latest version) on a product's current evidence and
 * readiness verdicts, or on inputs a person changed (what-if). It uses a DMN engine of
 * its own, so nothing is written: no decision history, no process variables. The
 * lifecycle's business rule tasks remain the recorded evaluations.
 */
@Service
public class ReadinessCheck {

	private final EvidenceService evidence;

	private final ProductService products;

	private final RepositoryService repository;

	private final HistoryService history;

	private static final String[] RELEVANT = java.util.stream.Stream
		.concat(java.util.stream.Stream.concat(VERDICTS.stream(), COMPUTED_GATE_INPUTS.stream()),
				java.util.stream.Stream.of(EXTERNAL_GATE_INPUTS))
		.map(ProcessVariable::name)
		.toArray(String[]::new);

	private final DmnEngine dmn;

	private final Map<String, Map<String, DmnDecision>> parsed = new ConcurrentHashMap<>();

	private final ObjectMapper json;

	private final Deliverables deliverables;

	ReadinessCheck(EvidenceService evidence, ProductService products, RepositoryService repository,
			HistoryService history, ObjectMapper json, CachedFeelEngineFactory feel, Deliverables deliverables) {
		this.json = json;
		this.deliverables = deliverables;
		this.evidence = evidence;
		this.products = products;
		this.repository = repository;
		this.history = history;
		this.dmn = feel.dmnEngineConfiguration().buildEngine();
	}

	/**
	 * The currency the product's gate costs are in (its latest cost estimate's); null
	 * without one.
	 */
	public String costCurrency(String partNumber) {
		return evidence.costCurrency(partNumber);
	}

	/**
	 * The product's gate inputs now: computed from its evidence, with the verdicts its
	 * lifecycle holds and the deliverables the gate review's checklist misses.
	 */
	@Transactional(readOnly = true)
	public GateInputs currentInputs(String partNumber) {
		GateEvidence gate = evidence.gateEvidence(partNumber);
		Map<String, Object> values = evidenceInputs(gate, feedbackSummary(gate.feedback()));
		processValues(partNumber).forEach(values::put);
		values.put(MISSING_DELIVERABLES.name(), deliverables.status(partNumber, GATE_REVIEW).missingDeliverables());
		return new GateInputs(values);
	}

	/**
	 * The product's deliverables checklist at the gate the DRD judges (the gate review),
	 * now.
	 */
	public DeliverablesStatus deliverables(String partNumber) {
		return deliverables.status(partNumber, GATE_REVIEW);
	}

	@Transactional(readOnly = true)
	public Readiness current(String partNumber) {
		return evaluate(currentInputs(partNumber));
	}

	/** Evaluates the gate on {@code inputs} as they are (what-if); records nothing. */
	public Readiness evaluate(GateInputs inputs) {
		DecisionRequirementsDefinition drd = deployedRules();
		return evaluate(decisions(drd), inputs, drd.getVersion());
	}

	/** The decisions of a deployed gate DRD by key, parsed once per definition. */
	public Map<String, DmnDecision> decisions(DecisionRequirementsDefinition drd) {
		return parsed.computeIfAbsent(drd.getId(), id -> parse(repository.getDecisionRequirementsModel(id)));
	}

	/** The version of the gate rules (the gate DRD) deployed now. */
	public int deployedRulesVersion() {
		return deployedRules().getVersion();
	}

	/** The gate rules (the gate DRD's latest version) deployed now; null before any. */
	public DecisionRequirementsDefinition deployedRules() {
		return repository.createDecisionRequirementsDefinitionQuery()
			.decisionRequirementsDefinitionKey(GATE_DRD_KEY)
			.latestVersion()
			.singleResult();
	}

	/**
	 * Evaluates the gate decisions of a parsed DRD (by decision key) on {@code inputs};
	 * records nothing. For drafts that are not deployed (the impact of a rule change).
	 */
	public Readiness evaluate(Map<String, DmnDecision> decisions, GateInputs inputs, int rulesVersion) {
		Map<String, Object> variables = new HashMap<>(inputs.values());
		String recommendation = dmn.evaluateDecision(decisions.get(MASS_PRODUCTION_GATE), variables).getSingleEntry();
		List<GateReason> reasons = dmn.evaluateDecision(decisions.get(GATE_REASONS), variables)
			.<String>collectEntries("reason")
			.stream()
			.map(GateReason::valueOf)
			.toList();
		return new Readiness(recommendation, reasons,
				dmn.evaluateDecision(decisions.get(DEMAND_STABILITY), variables).getSingleEntry(),
				dmn.evaluateDecision(decisions.get(TOOLING_ECONOMICS), variables).getSingleEntry(),
				dmn.evaluateDecision(decisions.get(SUPPLIER_READINESS), variables).getSingleEntry(), inputs,
				rulesVersion);
	}

	/**
	 * The decisions of a DMN file (a draft's, say) by key, parsed by this check's engine.
	 */
	public Map<String, DmnDecision> parse(byte[] dmnXml) {
		return parse(new ByteArrayInputStream(dmnXml));
	}

	/**
	 * Evaluates the product's current readiness and keeps the verdict on the product (the
	 * list's filters).
	 */
	@Transactional
	public Readiness refresh(String partNumber) {
		return record(partNumber, currentInputs(partNumber));
	}

	/** Evaluates {@code inputs} and keeps the verdict on the product. */
	@Transactional
	public Readiness record(String partNumber, GateInputs inputs) {
		Readiness readiness = evaluate(inputs);
		products.recordReadiness(partNumber, readiness.recommendation(),
				readiness.reasons().stream().map(GateReason::name).toList(), readiness.rulesVersion(), json(inputs));
		return readiness;
	}

	/**
	 * The gate inputs the product's stored verdict was judged on (empty when it has none
	 * stored, or it no longer reads as the contract's inputs).
	 */
	public Optional<GateInputs> storedInputs(Product product) {
		return storedInputs(product.gateInputs());
	}

	/**
	 * Gate inputs as a product row stores them (JSON, the contract's names); empty when
	 * null or no longer readable as the contract's inputs.
	 */
	public Optional<GateInputs> storedInputs(String stored) {
		if (stored == null) {
			return Optional.empty();
		}
		try {
			Map<String, Object> values = json.readValue(stored, new TypeReference<Map<String, Object>>() {
			});
			return Optional.of(new GateInputs(Map.of()).withValues(values));
		}
		catch (JsonProcessingException | InvalidInput unreadable) {
			return Optional.empty();
		}
	}

	private String json(GateInputs inputs) {
		try {
			return json.writeValueAsString(inputs.values());
		}
		catch (JsonProcessingException e) {
			throw new IllegalStateException("gate inputs not writable as JSON", e);
		}
	}

	/**
	 * The customerFeedbackSummary decision on feedback counts (the gate input
	 * customerFeedback).
	 */
	public String feedbackSummary(FeedbackCounts counts) {
		DecisionDefinition definition = repository.createDecisionDefinitionQuery()
			.decisionDefinitionKey(CUSTOMER_FEEDBACK_SUMMARY)
			.latestVersion()
			.singleResult();
		DmnDecision decision = parsed.computeIfAbsent(definition.getId(), id -> parse(repository.getDecisionModel(id)))
			.get(CUSTOMER_FEEDBACK_SUMMARY);
		return dmn.evaluateDecision(decision, feedbackCounts(counts)).getSingleEntry();
	}

	/** The gate inputs computed from recorded evidence, named as in the contract. */
	public static Map<String, Object> evidenceInputs(GateEvidence gate, String customerFeedback) {
		Map<String, Object> computed = new HashMap<>();
		computed.put(DEMAND_MONTHS.name(), gate.demandMonths());
		computed.put(DEMAND_CV.name(), gate.demandCv());
		computed.put(TOOLING_INVESTMENT.name(), gate.toolingInvestment());
		computed.put(SMALL_BATCH_UNIT_COST.name(), gate.smallBatchUnitCost());
		computed.put(MASS_UNIT_COST.name(), gate.massUnitCost());
		computed.put(FORECAST_ANNUAL_VOLUME.name(), gate.forecastAnnualVolume());
		computed.put(SUPPLIER_BATCHES_DELIVERED.name(), gate.supplierBatchesDelivered());
		computed.put(SUPPLIER_ON_TIME_RATE.name(), gate.supplierOnTimeRate());
		computed.put(SUPPLIER_FIRST_PASS_YIELD.name(), gate.supplierFirstPassYield());
		computed.put(PROCESS_CPK.name(), gate.processCpk());
		computed.put(DESIGN_CHANGES_LAST_90_DAYS.name(), gate.designChangesLast90Days());
		computed.put(CUSTOMER_FEEDBACK.name(), customerFeedback);
		computed.put(UNIT_COST_REDUCTION_PRIORITY.name(), gate.unitCostReductionPriority());
		computed.put(NEEDS_SUPPLY_COORDINATION.name(), gate.needsSupplyCoordination());
		return computed;
	}

	/** The variables of the customerFeedbackSummary decision. */
	public static Map<String, Object> feedbackCounts(FeedbackCounts counts) {
		return Map.of("positiveFeedback", counts.positive(), "mixedFeedback", counts.mixed(), "negativeFeedback",
				counts.negative());
	}

	/**
	 * From the product's latest lifecycle: the people's verdicts (false until given), and
	 * the computed inputs another system gave when it started the process (those stand as
	 * given).
	 */
	private Map<String, Object> processValues(String partNumber) {
		Map<String, Object> values = new HashMap<>();
		VERDICTS.forEach(verdict -> values.put(verdict.name(), false));
		List<HistoricProcessInstance> latest = history.createHistoricProcessInstanceQuery()
			.processDefinitionKey(PROCESS_KEY)
			.processInstanceBusinessKey(partNumber)
			.orderByProcessInstanceStartTime()
			.desc()
			.listPage(0, 1);
		if (latest.isEmpty()) {
			return values;
		}
		Map<String, Object> variables = history.createHistoricVariableInstanceQuery()
			.processInstanceIdIn(latest.get(0).getId())
			.variableNameIn(RELEVANT)
			.disableCustomObjectDeserialization()
			.listPage(0, 500)
			.stream()
			.filter(variable -> variable.getActivityInstanceId() == null
					|| variable.getActivityInstanceId().equals(latest.get(0).getId()))
			.filter(variable -> variable.getValue() != null)
			.collect(Collectors.toMap(HistoricVariableInstance::getName, HistoricVariableInstance::getValue,
					(a, b) -> a));
		VERDICTS.forEach(verdict -> {
			if (variables.get(verdict.name()) instanceof Boolean given) {
				values.put(verdict.name(), given);
			}
		});
		externallyGiven(variables).forEach(name -> values.put(name, variables.get(name)));
		return values;
	}

	private static Set<String> externallyGiven(Map<String, Object> variables) {
		Object remembered = variables.get(EXTERNAL_GATE_INPUTS.name());
		if (remembered instanceof String names) {
			return names.isEmpty() ? Set.of() : Set.of(names.split(","));
		}
		return COMPUTED_GATE_INPUTS.stream()
			.map(ProcessVariable::name)
			.filter(variables::containsKey)
			.collect(Collectors.toSet());
	}

	private Map<String, DmnDecision> parse(InputStream model) {
		try (model) {
			DmnDecisionRequirementsGraph graph = dmn.parseDecisionRequirementsGraph(model);
			return graph.getDecisions().stream().collect(Collectors.toMap(DmnDecision::getKey, d -> d));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

}
