package io.scalegate.notification;

import static org.assertj.core.api.Assertions.assertThat;

import io.scalegate.ScaleGateTest;
import io.scalegate.comment.CommentService;
import io.scalegate.condition.ConditionEscalated;
import io.scalegate.gate.process.Lifecycles;
import io.scalegate.product.Product;
import io.scalegate.security.Role;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A mention in a comment reaches the person named (not the author), and an overdue
 * condition escalated reaches the gatekeepers, not its owner; each once, after the
 * causing transaction committed, and not when it rolled back.
 */
@ScaleGateTest
class FollowUpNotificationsTest {

	@Autowired
	Notifications notifications;

	@Autowired
	CommentService comments;

	@Autowired
	Lifecycles lifecycles;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transaction;

	@Test
	void aMentionNotifiesThePersonNamedButNotTheAuthor() {
		Product product = lifecycles.aProduct(false);
		comments.postOnProduct(product.partNumber(), "@gatekeeper the first-article report is filed. @quality",
				"quality", Set.of(Role.QUALITY));

		assertThat(notifications.of("gatekeeper", 50)).filteredOn(n -> product.partNumber().equals(n.partNumber()))
			.singleElement()
			.satisfies(n -> {
				assertThat(n.kind()).isEqualTo(NotificationKind.MENTION);
				assertThat(n.subject()).contains("quality mentioned you").contains(product.partNumber());
				assertThat(n.text()).contains("the first-article report is filed");
				assertThat(n.link()).isEqualTo("/products/" + product.partNumber());
			});
		assertThat(notifications.of("quality", 50))
			.noneMatch(n -> n.kind() == NotificationKind.MENTION && product.partNumber().equals(n.partNumber()));
	}

	@Test
	void anEscalatedConditionNotifiesTheGatekeepersOnceAndNotAfterARollback() {
		Product product = lifecycles.aProduct(false);
		ConditionEscalated escalated = new ConditionEscalated(product.partNumber(), 987_654L,
				"Customer PPAP approval filed", "quality", LocalDate.now().minusDays(1), "system");
		transaction.executeWithoutResult(status -> events.publishEvent(escalated));
		transaction.executeWithoutResult(status -> events.publishEvent(escalated));

		assertThat(notifications.of("gatekeeper", 50)).filteredOn(n -> product.partNumber().equals(n.partNumber()))
			.singleElement()
			.satisfies(n -> {
				assertThat(n.kind()).isEqualTo(NotificationKind.CONDITION_ESCALATED);
				assertThat(n.text()).contains("Customer PPAP approval filed").contains("quality");
			});
		assertThat(notifications.of("quality", 50)).noneMatch(
				n -> n.kind() == NotificationKind.CONDITION_ESCALATED && product.partNumber().equals(n.partNumber()));

		Product other = lifecycles.aProduct(false);
		transaction.executeWithoutResult(status -> {
			events.publishEvent(new ConditionEscalated(other.partNumber(), 987_655L, "Rolled back", "quality",
					LocalDate.now().minusDays(1), "system"));
			status.setRollbackOnly();
		});
		assertThat(notifications.of("gatekeeper", 50)).noneMatch(n -> other.partNumber().equals(n.partNumber()));
	}

}
