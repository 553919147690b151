package io.scalegate.history;

import static io.scalegate.gate.ProductLifecycle.*;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scalegate.audit.AuditEntry;
import io.scalegate.audit.AuditQuery;
import io.scalegate.audit.AuditSearch;
import io.scalegate.base.AuditAction;
import io.scalegate.base.AuditNote;
import io.scalegate.base.AuditSubject;
import io.scalegate.condition.GateConditions;
import io.scalegate.document.Document;
import io.scalegate.document.Documents;
import io.scalegate.gate.GateDecision;
import io.scalegate.gate.GateWords;
import io.scalegate.history.GateRecord.DecisionTrace;
import io.scalegate.product.Product;
import io.scalegate.product.ProductService;
import io.scalegate.product.StageChange;
import io.scalegate.task.Signature;
import io.scalegate.task.TaskCompletion;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricDecisionInputInstance;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricDecisionOutputInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A product's gate history, put together from ScaleGate's own records (stages,
 * signatures) and Camunda's history (gate tasks, decision instances with inputs, outputs
 * and matched rules). Every lifecycle round is there: a Hold or a Recycle shows as
 * another round of the same gate.
 */
@Service
public class GateHistory {

	private static final int LIMIT = 1000;

	private final ProductService products;

	private final TaskCompletion completion;

	private final HistoryService history;

	private final RepositoryService repository;

	private final ObjectMapper json;

	private final AuditSearch audit;

	private final GateConditions conditions;

	private final Documents documents;

	GateHistory(ProductService products, TaskCompletion completion, HistoryService history,
			RepositoryService repository, ObjectMapper json, AuditSearch audit, GateConditions conditions,
			Documents documents) {
		this.audit = audit;
		this.conditions = conditions;
		this.documents = documents;
		this.products = products;
		this.completion = completion;
		this.history = history;
		this.repository = repository;
		this.json = json;
	}

	/** The product, its stages and every gate of every lifecycle round, oldest first. */
	@Transactional(readOnly = true)
	public ProductHistory of(String partNumber) {
		Product product = products.get(partNumber);
		List<StageChange> stages = products.stageHistory(partNumber);
		List<Signature> signed = completion.signaturesOf(partNumber);
		List<Document> onFile = documents.of(partNumber);
		List<GateRecord> gates = new ArrayList<>();
		List<HistoricProcessInstance> instances = history.createHistoricProcessInstanceQuery()
			.processDefinitionKey(PROCESS_KEY)
			.processInstanceBusinessKey(partNumber)
			.orderByProcessInstanceStartTime()
			.asc()
			.listPage(0, LIMIT);
		for (HistoricProcessInstance instance : instances) {
			String version = PROCESS_KEY + ":" + instance.getProcessDefinitionVersion();
			List<HistoricTaskInstance> gateTasks = history.createHistoricTaskInstanceQuery()
				.processInstanceId(instance.getId())
				.taskDefinitionKeyIn(PROTOTYPE_REVIEW, GATE_REVIEW)
				.orderByHistoricActivityInstanceStartTime()
				.asc()
				.listPage(0, LIMIT);
			List<HistoricDecisionInstance> evaluations = history.createHistoricDecisionInstanceQuery()
				.processInstanceId(instance.getId())
				.includeInputs()
				.includeOutputs()
				.orderByEvaluationTime()
				.asc()
				.listPage(0, LIMIT);
			Instant previousGate = instance.getStartTime().toInstant();
			Map<String, Integer> rounds = new LinkedHashMap<>();
			for (HistoricTaskInstance task : gateTasks) {
				boolean gate2 = GATE_REVIEW.equals(task.getTaskDefinitionKey());
				String name = gate2 ? "Gate 2" : "Gate 1";
				int round = rounds.merge(name, 1, Integer::sum);
				Instant opened = task.getStartTime().toInstant();
				Signature signature = signed.stream()
					.filter(s -> s.taskId().equals(task.getId()))
					.findFirst()
					.orElse(null);
				Instant since = previousGate;
				List<Signature> readiness = signed.stream()
					.filter(s -> s.processInstanceId().equals(instance.getId()))
					.filter(s -> READINESS_TASKS.contains(s.taskKey()))
					.filter(s -> gate2 && !s.signedAt().isBefore(since) && !s.signedAt().isAfter(opened))
					.toList();
				List<HistoricDecisionInstance> mine = gate2 ? evaluationBefore(evaluations, opened) : List.of();
				Map<String, Object> values = signature == null ? Map.of() : values(signature);
				String recommendation = output(mine, MASS_PRODUCTION_GATE, GATE_RECOMMENDATION.name());
				String decision = (String) values.get(gate2 ? GATE_DECISION.name() : PROTOTYPE_DECISION.name());
				boolean overridden = gate2 && decision != null && recommendation != null
						&& GateDecision.named(decision)
							.map(known -> !known.accepts(recommendation))
							.orElse(!decision.equals(recommendation));
				List<GateRecord.Condition> raised = gate2
						&& GateDecision.named(decision).filter(GateDecision::carriesConditions).isPresent()
								? conditions(instance.getId()) : List.of();
				gates.add(new GateRecord(name, round, instance.getId(), version, opened,
						task.getEndTime() == null ? null : task.getEndTime().toInstant(), readiness, traces(mine),
						inputs(mine), recommendation, reasons(mine), decision, overridden,
						overridden ? (String) values.get(OVERRIDE_REASON.name()) : null, signature,
						gate2 ? evaluatedFor(partNumber, instance.getId(), opened) : null, raised,
						gate2 ? deliverables(mine, instance.getId(), opened) : null,
						onFileAt(onFile, task.getEndTime() == null ? null : task.getEndTime().toInstant())));
				previousGate = task.getEndTime() == null ? opened : task.getEndTime().toInstant();
			}
		}
		gates.sort(Comparator.comparing(GateRecord::openedAt));
		return new ProductHistory(product, stages, gates);
	}

	/** The conditions of the instance's Go with conditions, in the gatekeeper's order. */
	private List<GateRecord.Condition> conditions(String processInstanceId) {
		return conditions.ofProcess(processInstanceId)
			.stream()
			.map(c -> new GateRecord.Condition(c.text(), c.owner(), c.dueDate(), c.state(), conditions.overdue(c),
					c.escalated(), c.closedBy(), c.closedAt(), c.closingNote()))
			.toList();
	}

	/**
	 * The documents on file when a gate was decided ({@code decidedAt}): those attached
	 * by then; all of them while it waits.
	 */
	private static List<Document> onFileAt(List<Document> onFile, Instant decidedAt) {
		return decidedAt == null ? onFile
				: onFile.stream().filter(document -> !document.uploadedAt().isAfter(decidedAt)).toList();
	}

	/**
	 * The decisions of the gate evaluation just before {@code opened}: the last
	 * massProductionGate root and gateReasons.
	 */
	private static List<HistoricDecisionInstance> evaluationBefore(List<HistoricDecisionInstance> evaluations,
			Instant opened) {
		List<HistoricDecisionInstance> before = evaluations.stream()
			.filter(d -> !d.getEvaluationTime().toInstant().isAfter(opened))
			.toList();
		HistoricDecisionInstance root = null;
		HistoricDecisionInstance reasons = null;
		for (HistoricDecisionInstance decision : before) {
			if (MASS_PRODUCTION_GATE.equals(decision.getDecisionDefinitionKey())) {
				root = decision;
			}
			if (GATE_REASONS.equals(decision.getDecisionDefinitionKey())
					&& decision.getRootDecisionInstanceId() == null) {
				reasons = decision;
			}
		}
		if (root == null) {
			return List.of();
		}
		String rootId = root.getId();
		String reasonsId = reasons == null ? "" : reasons.getId();
		return before.stream()
			.filter(d -> d.getId().equals(rootId) || rootId.equals(d.getRootDecisionInstanceId())
					|| d.getId().equals(reasonsId) || reasonsId.equals(d.getRootDecisionInstanceId()))
			.toList();
	}

	private List<DecisionTrace> traces(List<HistoricDecisionInstance> decisions) {
		List<DecisionTrace> traces = new ArrayList<>();
		Map<String, Integer> versions = new LinkedHashMap<>();
		Map<String, List<String>> rows = new LinkedHashMap<>();
		for (HistoricDecisionInstance decision : decisions) {
			int version = versions.computeIfAbsent(decision.getDecisionDefinitionId(),
					id -> repository.getDecisionDefinition(id).getVersion());
			List<String> ruleIds = rows.computeIfAbsent(decision.getDecisionDefinitionId(), this::ruleIds);
			Map<Integer, Map<String, Object>> byRule = new LinkedHashMap<>();
			List<String> rules = new ArrayList<>();
			for (HistoricDecisionOutputInstance output : decision.getOutputs()) {
				byRule.computeIfAbsent(output.getRuleOrder(), order -> new LinkedHashMap<>())
					.put(output.getVariableName(), output.getValue());
				// the rule's row in its table (Camunda's rule order counts the matched
				// rules)
				int row = ruleIds.indexOf(output.getRuleId()) + 1;
				String rule = row > 0 ? output.getRuleId() + " (rule " + row + ")" : output.getRuleId();
				if (!rules.contains(rule)) {
					rules.add(rule);
				}
			}
			traces.add(new DecisionTrace(decision.getDecisionDefinitionKey(), decision.getDecisionDefinitionName(),
					version, decision.getEvaluationTime().toInstant(), new ArrayList<>(byRule.values()), rules));
		}
		return traces;
	}

	/**
	 * The rule ids of a decision table version in table order (empty for other kinds).
	 */
	private List<String> ruleIds(String decisionDefinitionId) {
		DmnModelInstance model = repository.getDmnModelInstance(decisionDefinitionId);
		String key = repository.getDecisionDefinition(decisionDefinitionId).getKey();
		return model.getModelElementById(key) instanceof Decision decision
				&& decision.getExpression() instanceof DecisionTable table
						? table.getRules().stream().map(Rule::getId).toList() : List.of();
	}

	/**
	 * The deliverables checklist as the gate rules were given it: the missing kinds from
	 * the gate decisions' input (null: not checked), the required ones from the process's
	 * {@code requiredDeliverables} as it was when the gate opened.
	 */
	private GateRecord.Deliverables deliverables(List<HistoricDecisionInstance> decisions, String processInstanceId,
			Instant opened) {
		Object missing = decisions.stream()
			.filter(d -> MASS_PRODUCTION_GATE.equals(d.getDecisionDefinitionKey())
					|| GATE_REASONS.equals(d.getDecisionDefinitionKey()))
			.flatMap(d -> d.getInputs().stream())
			.filter(input -> isMissingDeliverables(input))
			.map(HistoricDecisionInputInstance::getValue)
			.filter(java.util.Objects::nonNull)
			.findFirst()
			.orElse(null);
		if (!(missing instanceof String joined)) {
			return null;
		}
		String required = history.createHistoricDetailQuery()
			.processInstanceId(processInstanceId)
			.variableUpdates()
			.orderByTime()
			.asc()
			.listPage(0, LIMIT)
			.stream()
			.filter(detail -> detail instanceof org.camunda.bpm.engine.history.HistoricVariableUpdate)
			.map(detail -> (org.camunda.bpm.engine.history.HistoricVariableUpdate) detail)
			.filter(update -> REQUIRED_DELIVERABLES.name().equals(update.getVariableName()))
			.filter(update -> !update.getTime().toInstant().isAfter(opened))
			.map(update -> (String) update.getValue())
			.reduce((first, second) -> second)
			.orElse("");
		return new GateRecord.Deliverables(GateWords.kindCodes(required), GateWords.kindCodes(joined));
	}

	private static boolean isMissingDeliverables(HistoricDecisionInputInstance input) {
		String name = input.getClauseName() == null ? input.getClauseId() : input.getClauseName();
		return GateWords.label(MISSING_DELIVERABLES.name()).equals(name)
				|| (input.getClauseId() != null && input.getClauseId().endsWith("_" + MISSING_DELIVERABLES.name()));
	}

	private static Map<String, Object> inputs(List<HistoricDecisionInstance> decisions) {
		Map<String, Object> inputs = new LinkedHashMap<>();
		decisions.stream()
			.filter(d -> GATE_REASONS.equals(d.getDecisionDefinitionKey())
					|| MASS_PRODUCTION_GATE.equals(d.getDecisionDefinitionKey())
					|| d.getRootDecisionInstanceId() != null)
			.forEach(d -> {
				for (HistoricDecisionInputInstance input : d.getInputs()) {
					inputs.putIfAbsent(input.getClauseName() == null ? input.getClauseId() : input.getClauseName(),
							input.getValue());
				}
			});
		return inputs;
	}

	/**
	 * The person the system evaluated the gate for before {@code opened}, as the trail's
	 * GATE_EVALUATED entry names them (on behalf of; entries from before the system was
	 * their actor name the person as actor); null for the system alone or no entry.
	 */
	private String evaluatedFor(String partNumber, String processInstanceId, Instant opened) {
		List<AuditEntry> evaluated = audit.page(new AuditQuery(null, Set.of(AuditAction.GATE_EVALUATED),
				AuditSubject.PRODUCT, partNumber, null, opened.plusSeconds(1), processInstanceId), 0, 1);
		if (evaluated.isEmpty()) {
			return null;
		}
		AuditEntry entry = evaluated.get(0);
		if (entry.onBehalfOf() != null) {
			return entry.onBehalfOf();
		}
		return AuditNote.SYSTEM.equals(entry.actor()) ? null : entry.actor();
	}

	private static String output(List<HistoricDecisionInstance> decisions, String key, String variable) {
		return decisions.stream()
			.filter(d -> key.equals(d.getDecisionDefinitionKey()))
			.flatMap(d -> d.getOutputs().stream())
			.filter(o -> variable.equals(o.getVariableName()))
			.map(o -> String.valueOf(o.getValue()))
			.findFirst()
			.orElse(null);
	}

	private static List<String> reasons(List<HistoricDecisionInstance> decisions) {
		return decisions.stream()
			.filter(d -> GATE_REASONS.equals(d.getDecisionDefinitionKey()))
			.flatMap(d -> d.getOutputs().stream())
			.filter(o -> "reason".equals(o.getVariableName()))
			.map(o -> String.valueOf(o.getValue()))
			.toList();
	}

	private Map<String, Object> values(Signature signature) {
		try {
			return json.readValue(signature.signedValues(), new TypeReference<Map<String, Object>>() {
			});
		}
		catch (Exception unreadable) {
			return Map.of();
		}
	}

	/** A product with its stages and gates. */
	public record ProductHistory(Product product, List<StageChange> stages, List<GateRecord> gates) {
	}

}
