package io.scalegate.audit;

import io.scalegate.audit.AuditEntry.SubjectType;
import io.scalegate.evidence.EvidenceChanged;
import io.scalegate.evidence.EvidenceRecorded;
import io.scalegate.evidence.EvidenceRow;
import io.scalegate.gate.DecisionCaseChanged;
import io.scalegate.gate.GateDecided;
import io.scalegate.gate.GateEvaluated;
import io.scalegate.gate.InstancesMigrated;
import io.scalegate.gate.ModelChangeRecorded;
import io.scalegate.gate.ModelsDeployed;
import io.scalegate.product.ProductRegistered;
import io.scalegate.product.StageChanged;
import io.scalegate.security.ApiTokenChanged;
import io.scalegate.security.SignatureRefused;
import io.scalegate.security.UserChanged;
import io.scalegate.task.GateSigningRefused;
import io.scalegate.task.Signature;
import io.scalegate.task.TaskAssigned;
import io.scalegate.task.TaskSigned;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Writes the trail from the features' events. The listeners run synchronously in the
 * transaction that published the event, so a change and its trail entry are kept together
 * or not at all.
 */
@Component
class AuditRecorder {

	/** Above this many rows, an import's entry lists the ids, not every value. */
	static final int ROWS_IN_FULL = 20;

	private final AuditTrail trail;

	private final Actors actors;

	AuditRecorder(AuditTrail trail, Actors actors) {
		this.trail = trail;
		this.actors = actors;
	}

	@EventListener
	void on(ProductRegistered registered) {
		trail.append(actors.or(registered.registeredBy()), AuditAction.PRODUCT_REGISTERED, SubjectType.PRODUCT,
				registered.partNumber(), Map.of("productId", registered.productId()));
	}

	@EventListener
	void on(StageChanged changed) {
		trail.append(actors.current(), AuditAction.STAGE_CHANGED, SubjectType.PRODUCT, changed.partNumber(),
				Map.of("from", changed.from().name(), "to", changed.to().name()));
	}

	@EventListener
	void on(EvidenceRecorded recorded) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("kind", recorded.kind().name());
		details.put("count", recorded.rows().size());
		if (recorded.rows().size() <= ROWS_IN_FULL) {
			details.put("rows", recorded.rows());
		}
		else {
			details.put("ids", recorded.rows().stream().map(EvidenceRow::id).toList());
		}
		trail.append(recorded.recordedBy(), AuditAction.EVIDENCE_RECORDED, SubjectType.PRODUCT, recorded.partNumber(),
				details);
	}

	@EventListener
	void on(EvidenceChanged changed) {
		trail.append(changed.changedBy(), AuditAction.EVIDENCE_CHANGED, SubjectType.PRODUCT, changed.partNumber(),
				Map.of("kind", changed.kind().name(), "id", changed.id(), "before", changed.before(), "after",
						changed.after(), "reason", changed.reason()));
	}

	@EventListener
	void on(TaskAssigned assigned) {
		AuditAction action = switch (assigned.change()) {
			case CLAIMED -> AuditAction.TASK_CLAIMED;
			case RELEASED -> AuditAction.TASK_RELEASED;
			case HANDED_OVER -> AuditAction.TASK_HANDED_OVER;
		};
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("task", assigned.taskName());
		details.put("partNumber", assigned.partNumber());
		details.put("from", assigned.from());
		details.put("to", assigned.to());
		trail.append(assigned.by(), action, SubjectType.TASK, assigned.taskId(), details);
	}

	@EventListener
	void on(TaskSigned signed) {
		Signature signature = signed.signature();
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("partNumber", signature.partNumber());
		details.put("task", signature.taskName());
		details.put("taskKey", signature.taskKey());
		details.put("printedName", signature.printedName());
		details.put("meaning", signature.meaning().name());
		details.put("signedAt", signature.signedAt().toString());
		details.put("valuesHash", signature.valuesHash());
		details.put("signatureId", signature.id());
		trail.append(signature.username(), AuditAction.SIGNATURE_GIVEN, SubjectType.TASK, signature.taskId(), details);
	}

	@EventListener
	void on(SignatureRefused refused) {
		trail.append(refused.username(), AuditAction.SIGNATURE_REFUSED, SubjectType.USER, refused.username(),
				Map.of("reason", refused.reason()));
	}

	/**
	 * After the refused signing rolled back: the refusal is kept in a transaction of its
	 * own.
	 */
	@TransactionalEventListener(phase = TransactionPhase.AFTER_ROLLBACK, fallbackExecution = true)
	void on(GateSigningRefused refused) {
		trail.appendSeparately(refused.username(), AuditAction.SIGNATURE_REFUSED, SubjectType.TASK, refused.taskId(),
				Map.of("partNumber", refused.partNumber(), "reason", refused.reason(), "rule", "four-eyes"));
	}

	@EventListener
	void on(GateEvaluated evaluated) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("recommendation", evaluated.recommendation());
		details.put("reasons", evaluated.reasons());
		details.put("inputs", evaluated.inputs());
		details.put("rulesVersion", evaluated.rulesVersion());
		details.put("processInstanceId", evaluated.processInstanceId());
		trail.append(actors.current(), AuditAction.GATE_EVALUATED, SubjectType.PRODUCT, evaluated.partNumber(),
				details);
	}

	@EventListener
	void on(GateDecided decided) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("decision", decided.decision());
		details.put("recommendation", decided.recommendation());
		details.put("processInstanceId", decided.processInstanceId());
		details.put("rulesVersion", decided.rulesVersion());
		String actor = actors.or(decided.decidedBy());
		trail.append(actor, AuditAction.GATE_DECIDED, SubjectType.PRODUCT, decided.partNumber(), details);
		if (decided.overridden()) {
			details.put("overrideReason", decided.overrideReason());
			trail.append(actor, AuditAction.RECOMMENDATION_OVERRIDDEN, SubjectType.PRODUCT, decided.partNumber(),
					details);
		}
	}

	@EventListener
	void on(ModelsDeployed deployed) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("name", deployed.name());
		details.put("resources", deployed.resources());
		if (deployed.changeId() != null) {
			details.put("changeId", deployed.changeId());
			details.put("author", deployed.author());
			details.put("approver", deployed.approver());
			details.put("summary", deployed.summary());
		}
		trail.append(actors.or(deployed.deployedBy()), AuditAction.MODEL_DEPLOYED, SubjectType.MODEL,
				deployed.deploymentId(), details);
	}

	@EventListener
	void on(ModelChangeRecorded change) {
		AuditAction action = switch (change.status()) {
			case "SUBMITTED" -> AuditAction.MODEL_CHANGE_SUBMITTED;
			case "REJECTED" -> AuditAction.MODEL_CHANGE_REJECTED;
			default -> AuditAction.MODEL_CHANGE_DRAFTED;
		};
		trail.append(actors.or(change.by()), action, SubjectType.MODEL, change.resourceName(),
				Map.of("changeId", change.changeId(), "detail", change.detail()));
	}

	@EventListener
	void on(InstancesMigrated migrated) {
		trail.append(actors.or(migrated.by()), AuditAction.INSTANCES_MIGRATED, SubjectType.MODEL,
				migrated.targetDefinitionId(),
				Map.of("batchId", migrated.batchId(), "from", migrated.sourceDefinitionId(), "to",
						migrated.targetDefinitionId(), "products", migrated.partNumbers()));
	}

	@EventListener
	void on(DecisionCaseChanged changed) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("case", changed.name());
		details.put("before", changed.before());
		details.put("after", changed.after());
		trail.append(actors.or(changed.by()), AuditAction.DECISION_CASE_CHANGED, SubjectType.MODEL,
				changed.decisionKey(), details);
	}

	@EventListener
	void on(ApiTokenChanged changed) {
		trail.append(changed.by(), changed.revoked() ? AuditAction.TOKEN_REVOKED : AuditAction.TOKEN_ISSUED,
				SubjectType.TOKEN, changed.token().name(), Map.of("role", changed.token().role().name()));
	}

	@EventListener
	void on(UserChanged changed) {
		trail.append(actors.current(), AuditAction.USER_CHANGED, SubjectType.USER, changed.username(),
				Map.of("fullName", changed.fullName(), "roles",
						changed.roles().stream().map(Enum::name).sorted().toList(), "created", changed.created()));
	}

	@EventListener
	void on(AbstractAuthenticationFailureEvent failure) {
		// a bearer token's "name" is its secret: never written anywhere
		String name = failure.getAuthentication() == null ? "unknown"
				: failure.getAuthentication() instanceof BearerTokenAuthenticationToken ? "api token"
						: String.valueOf(failure.getAuthentication().getName());
		String username = name.length() > 100 ? name.substring(0, 100) : name;
		trail.append(username, AuditAction.LOGIN_FAILED, SubjectType.USER, username,
				Map.of("reason", failure.getException().getClass().getSimpleName()));
	}

}
