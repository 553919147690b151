package io.scalegate.task;

import static io.scalegate.gate.ProductLifecycle.READINESS_TASKS;

import io.scalegate.evidence.EvidenceService;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.EntityTypes;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.springframework.stereotype.Service;

/**
 * Four-eyes at the gate: whoever recorded evidence for the product or signed, held or
 * completed one of its readiness tasks (claimed or not) may not sign its gate review. The
 * UI asks first to explain; the engine enforces it on completion
 * ({@link CompletionRulesPlugin}), so no path, engine-rest included, gets around it.
 */
@Service
public class FourEyesRule {

	private static final int MAX_SIGN_OFFS = 1000;

	private final EvidenceService evidence;

	private final HistoryService history;

	private final Signatures signatures;

	private final io.scalegate.document.Documents documents;

	FourEyesRule(EvidenceService evidence, HistoryService history, Signatures signatures,
			io.scalegate.document.Documents documents) {
		this.documents = documents;
		this.evidence = evidence;
		this.history = history;
		this.signatures = signatures;
	}

	/**
	 * Why {@code username} may not sign the gate review of this process instance, if they
	 * may not.
	 */
	public Optional<String> refusal(String username, String processInstanceId, String partNumber) {
		if (tookPartInReadiness(username, processInstanceId)) {
			return Optional.of(username + " signed a readiness task of this gate and so may not sign its review "
					+ "(four-eyes rule): another gatekeeper must decide.");
		}
		if (evidence.recordersOf(partNumber).contains(username)) {
			return Optional.of(username + " recorded evidence for " + partNumber
					+ " and so may not sign its gate review (four-eyes rule): another gatekeeper must decide.");
		}
		if (documents.of(partNumber).stream().anyMatch(document -> document.uploadedBy().equals(username))) {
			// a document filed can be the deliverable that turns the recommendation
			return Optional.of(username + " attached documents to " + partNumber
					+ " and so may not sign its gate review (four-eyes rule): another gatekeeper must decide.");
		}
		return Optional.empty();
	}

	/**
	 * Whether the user signed, was assigned or completed one of the instance's readiness
	 * tasks: claimed or not, signed in ScaleGate or (before every completion was signed)
	 * completed through the engine.
	 */
	private boolean tookPartInReadiness(String username, String processInstanceId) {
		if (signatures.findByProcessInstanceIdAndTaskKeyIn(processInstanceId, READINESS_TASKS)
			.stream()
			.anyMatch(signature -> signature.username().equals(username))) {
			return true;
		}
		List<HistoricTaskInstance> readiness = history.createHistoricTaskInstanceQuery()
			.processInstanceId(processInstanceId)
			.taskDefinitionKeyIn(READINESS_TASKS.toArray(String[]::new))
			.finished()
			.listPage(0, MAX_SIGN_OFFS);
		if (readiness.stream().map(HistoricTaskInstance::getAssignee).anyMatch(username::equals)) {
			return true;
		}
		Set<String> readinessTasks = readiness.stream().map(HistoricTaskInstance::getId).collect(Collectors.toSet());
		return history.createUserOperationLogQuery()
			.processInstanceId(processInstanceId)
			.entityType(EntityTypes.TASK)
			.operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE)
			.userId(username)
			.listPage(0, MAX_SIGN_OFFS)
			.stream()
			.anyMatch(completed -> readinessTasks.contains(completed.getTaskId()));
	}

}
