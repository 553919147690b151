package io.scalegate.notification;

import io.scalegate.base.AuditAction;
import io.scalegate.gate.GateDecided;
import io.scalegate.gate.GateWords;
import io.scalegate.model.change.ModelChangeRecorded;
import io.scalegate.product.ProductService;
import io.scalegate.security.Role;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * A gate decided on a product I own ({@link NotificationKind#GATE_DECIDED}: the product's
 * owner) and a model change waiting for my approval
 * ({@link NotificationKind#MODEL_CHANGE_APPROVAL}: every enabled process owner but its
 * author). Both after the deciding transaction committed; nothing here throws back.
 */
@Component
class DecisionNotifications {

	private static final Logger log = LoggerFactory.getLogger(DecisionNotifications.class);

	private final Notifications notifications;

	private final Recipients recipients;

	private final ProductService products;

	private final java.time.Clock clock;

	DecisionNotifications(Notifications notifications, Recipients recipients, ProductService products,
			java.time.Clock clock) {
		this.clock = clock;
		this.notifications = notifications;
		this.recipients = recipients;
		this.products = products;
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void on(GateDecided decided) {
		try {
			products.find(decided.partNumber())
				.filter(product -> recipients.enabled(product.owner()))
				.ifPresent(
						product -> notifications
							.recordAllAfterCommit(
									List.of(new NotificationRequest(product.owner(), NotificationKind.GATE_DECIDED,
											"Gate decided: "
													+ GateWords.recommendation(decided
														.decision())
													+ " · " + product.partNumber() + " " + product.name(),
											decided.decidedBy() + " decided \""
													+ GateWords.recommendation(decided.decision()) + "\""
													+ " at the gate of " + product.partNumber() + " (" + product.name()
													+ ")"
													+ (decided.overridden() ? ", overriding the recommendation "
															+ GateWords.recommendation(decided.recommendation()) + ": "
															+ decided.overrideReason() : "")
													+ ".",
											"/products/" + product.partNumber() + "/history", product.partNumber(),
											null,
											// one per decision: a later round may decide
											// the same again
											"gate-decided:" + decided.processInstanceId() + ":" + decided.decision()
													+ ":" + clock.millis() + ":" + product.owner()))));
		}
		catch (RuntimeException failed) {
			log.warn("gate decision on {} not notified: {}", decided.partNumber(), failed.toString());
		}
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void on(ModelChangeRecorded recorded) {
		if (recorded.action() != AuditAction.MODEL_CHANGE_SUBMITTED) {
			return;
		}
		try {
			List<NotificationRequest> requests = recipients.withRole(Role.PROCESS_OWNER, recorded.by())
				.stream()
				.map(approver -> new NotificationRequest(approver, NotificationKind.MODEL_CHANGE_APPROVAL,
						"Model change #" + recorded.changeId() + " waits for your approval · "
								+ recorded.resourceName(),
						recorded.by() + " submitted change #" + recorded.changeId() + " of " + recorded.resourceName()
								+ " for approval: " + recorded.detail()
								+ (recorded.impact() == null ? "" : " Impact: " + recorded.impact()),
						"/models/changes/" + recorded.changeId(), null, null,
						// submitted again after a change: a new round to approve
						"model-change:" + recorded.changeId() + ":"
								+ java.util.Objects.hash(recorded.detail(), recorded.impact()) + ":" + approver))
				.toList();
			notifications.recordAllAfterCommit(requests);
		}
		catch (RuntimeException failed) {
			log.warn("model change #{} not notified: {}", recorded.changeId(), failed.toString());
		}
	}

}
