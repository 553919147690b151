package io.scalegate.notification;

import io.scalegate.comment.PeopleMentioned;
import io.scalegate.condition.ConditionEscalated;
import io.scalegate.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * People named in a comment ({@link NotificationKind#MENTION}) and an overdue condition
 * of a Go with conditions escalated to the gatekeepers
 * ({@link NotificationKind#CONDITION_ESCALATED}). After the causing transaction
 * committed; nothing here throws back.
 */
@Component
class FollowUpNotifications {

	private static final Logger log = LoggerFactory.getLogger(FollowUpNotifications.class);

	private final Notifications notifications;

	private final Recipients recipients;

	FollowUpNotifications(Notifications notifications, Recipients recipients) {
		this.notifications = notifications;
		this.recipients = recipients;
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void on(PeopleMentioned mentioned) {
		try {
			notifications.recordAllAfterCommit(mentioned.userIds()
				.stream()
				.map(user -> new NotificationRequest(user, NotificationKind.MENTION,
						mentioned.author() + " mentioned you · " + mentioned.partNumber(),
						mentioned.author() + " wrote: " + mentioned.excerpt(), "/" + mentioned.link(),
						mentioned.partNumber(), mentioned.taskId(), "mention:" + mentioned.commentId() + ":" + user))
				.toList());
		}
		catch (RuntimeException failed) {
			log.warn("mentions in comment {} not notified: {}", mentioned.commentId(), failed.toString());
		}
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void on(ConditionEscalated escalated) {
		try {
			notifications.recordAllAfterCommit(recipients.withRole(Role.GATEKEEPER, null)
				.stream()
				.map(gatekeeper -> new NotificationRequest(gatekeeper, NotificationKind.CONDITION_ESCALATED,
						"Condition overdue · " + escalated.partNumber(),
						"The condition \"" + escalated.text() + "\" of " + escalated.partNumber() + ", owned by "
								+ escalated.owner() + ", was due on " + escalated.dueDate()
								+ " and is still open. Its task is now also in your inbox.",
						"/products/" + escalated.partNumber(), escalated.partNumber(), null,
						"condition-escalated:" + escalated.conditionId() + ":" + gatekeeper))
				.toList());
		}
		catch (RuntimeException failed) {
			log.warn("escalation of condition {} not notified: {}", escalated.conditionId(), failed.toString());
		}
	}

}
