package io.scalegate.gate;

import static io.scalegate.gate.ProductLifecycle.*;

import io.scalegate.base.InvalidInput;
import io.scalegate.gate.feel.CachedFeelEngineFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.springframework.stereotype.Service;

/**
 * The deliverables checklist of a gate: the deployed {@code gateDeliverables} decision
 * (bpmn/gate-deliverables.dmn, latest version) says which document kinds the gate
 * requires, {@link DocumentsOnFile} which kinds the product has on file. Live (the task,
 * the readiness panel and API) it is evaluated like the live readiness
 * ({@link ReadinessCheck}): the deployed model parsed once per version by a DMN engine of
 * its own, nothing written; the process step that computes the gate inputs evaluates it
 * through Camunda's {@link DecisionService}, so the checklist the gate was judged by is
 * in the decision history.
 */
@Service
public class Deliverables {

	private final RepositoryService repository;

	private final DecisionService decisions;

	private final DocumentsOnFile documents;

	private final DmnEngine dmn;

	private final Map<String, DmnDecision> parsed = new ConcurrentHashMap<>();

	Deliverables(RepositoryService repository, DecisionService decisions, DocumentsOnFile documents,
			CachedFeelEngineFactory feel) {
		this.repository = repository;
		this.decisions = decisions;
		this.documents = documents;
		this.dmn = feel.dmnEngineConfiguration().buildEngine();
	}

	/** Whether a task key is a gate with a deliverables checklist. */
	public static boolean isGate(String taskKey) {
		return GATES.contains(taskKey);
	}

	/** The product's checklist at the gate now; records nothing. */
	public DeliverablesStatus status(String partNumber, String gate) {
		return DeliverablesStatus.of(checked(gate), required(gate), documents.kindsOnFile(partNumber));
	}

	/**
	 * The product's checklist at the gate, the required kinds evaluated through the
	 * process engine (kept in the decision history): for the process's gate evaluation.
	 */
	public DeliverablesStatus recorded(String partNumber, String gate) {
		checked(gate);
		List<String> required = deployed() == null ? List.of()
				: decisions.evaluateDecisionByKey(GATE_DELIVERABLES)
					.variables(Map.of(DELIVERABLES_GATE, gate))
					.evaluate()
					.collectEntries(DELIVERABLES_KIND);
		return DeliverablesStatus.of(gate, required, documents.kindsOnFile(partNumber));
	}

	/**
	 * The document kinds the deployed checklist requires at the gate; none when no
	 * checklist is deployed.
	 */
	public List<String> required(String gate) {
		DecisionDefinition definition = deployed();
		if (definition == null) {
			return List.of();
		}
		DmnDecision decision = parsed.computeIfAbsent(definition.getId(), id -> parse(repository.getDecisionModel(id)));
		return dmn.evaluateDecision(decision, Map.of(DELIVERABLES_GATE, checked(gate)))
			.<String>collectEntries(DELIVERABLES_KIND)
			.stream()
			.distinct()
			.toList();
	}

	/** The kinds on file for the product. */
	public Set<String> onFile(String partNumber) {
		return documents.kindsOnFile(partNumber);
	}

	private DecisionDefinition deployed() {
		return repository.createDecisionDefinitionQuery()
			.decisionDefinitionKey(GATE_DELIVERABLES)
			.latestVersion()
			.singleResult();
	}

	private static String checked(String gate) {
		if (!isGate(gate)) {
			throw new InvalidInput("gate", "must be one of " + String.join(", ", GATES) + ", not " + gate);
		}
		return gate;
	}

	private DmnDecision parse(InputStream model) {
		try (model) {
			return dmn.parseDecision(GATE_DELIVERABLES, model);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

}
