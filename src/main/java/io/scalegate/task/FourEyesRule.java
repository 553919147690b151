package io.scalegate.task;

import static io.scalegate.gate.ProductLifecycle.READINESS_TASKS;

import io.scalegate.evidence.EvidenceService;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.springframework.stereotype.Service;

/**
 * Four-eyes at the gate: whoever recorded evidence for the product or signed one of its
 * readiness tasks may not sign its gate review. The UI asks first to explain; the engine
 * enforces it on completion ({@link FourEyesPlugin}), so no path, engine-rest included,
 * gets around it.
 */
@Service
public class FourEyesRule {

	private static final int MAX_SIGN_OFFS = 1000;

	private final EvidenceService evidence;

	private final HistoryService history;

	private final Signatures signatures;

	FourEyesRule(EvidenceService evidence, HistoryService history, Signatures signatures) {
		this.evidence = evidence;
		this.history = history;
		this.signatures = signatures;
	}

	/**
	 * Why {@code username} may not sign the gate review of this process instance, if they
	 * may not.
	 */
	public Optional<String> refusal(String username, String processInstanceId, String partNumber) {
		boolean signedReadiness = history.createHistoricTaskInstanceQuery()
			.processInstanceId(processInstanceId)
			.taskDefinitionKeyIn(READINESS_TASKS.toArray(String[]::new))
			.finished()
			.listPage(0, MAX_SIGN_OFFS)
			.stream()
			.map(HistoricTaskInstance::getAssignee)
			.anyMatch(username::equals)
				|| signatures.findByProcessInstanceIdAndTaskKeyIn(processInstanceId, READINESS_TASKS)
					.stream()
					.anyMatch(signature -> signature.username().equals(username));
		if (signedReadiness) {
			return Optional.of(username + " signed a readiness task of this gate and so may not sign its review "
					+ "(four-eyes rule): another gatekeeper must decide.");
		}
		if (evidence.recordersOf(partNumber).contains(username)) {
			return Optional.of(username + " recorded evidence for " + partNumber
					+ " and so may not sign its gate review (four-eyes rule): another gatekeeper must decide.");
		}
		return Optional.empty();
	}

}
