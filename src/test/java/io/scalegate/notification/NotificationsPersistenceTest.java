package io.scalegate.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.scalegate.ScaleGateTest;
import io.scalegate.security.Role;
import io.scalegate.security.UserAccounts;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The public way to notify (mentions, escalations): once per dedupe key, after the
 * caller's commit and never after its rollback, in the app only when e-mail is not
 * configured (the default profile).
 */
@ScaleGateTest
class NotificationsPersistenceTest {

	@Autowired
	Notifications notifications;

	@Autowired
	UserAccounts accounts;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	DataSource dataSource;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@Autowired
	io.scalegate.gate.process.Lifecycles lifecycles;

	@Autowired
	io.scalegate.task.Inbox inbox;

	@Autowired
	org.camunda.bpm.engine.IdentityService identity;

	String aUser() {
		String username = "np-" + UUID.randomUUID().toString().substring(0, 8);
		accounts.save(username, "Person " + username, "demo", EnumSet.of(Role.ENGINEER));
		return username;
	}

	NotificationRequest mention(String recipient, String key) {
		return new NotificationRequest(recipient, NotificationKind.MENTION, "Mentioned on X-1", "quality mentioned you",
				"/products/X-1", "X-1", null, key);
	}

	@Test
	void theSameEventIsRecordedOnce() {
		String person = aUser();
		String key = "mention:c-1:" + person;

		assertThat(notifications.record(mention(person, key))).isTrue();
		assertThat(notifications.record(mention(person, key))).as("another node, a retry").isFalse();

		assertThat(notifications.of(person, 10)).singleElement()
			.satisfies(n -> assertThat(n.link()).isEqualTo("/products/X-1"));
		assertThat(notifications.emailEnabled()).as("no spring.mail.host in the default profile").isFalse();
	}

	/**
	 * As many writers as the pool has connections, each holding one until all do, then
	 * committing: a notification recorded in a transaction of its own would need a second
	 * connection while the first is still held, so every writer would wait for the pool's
	 * timeout and every notification would be lost (issue 17's attack: a node stalled 30
	 * s under 20 concurrent writes).
	 */
	@Test
	void writersHoldingEveryConnectionAllNotifyWithoutWaitingForAnother() throws Exception {
		String person = aUser();
		int writers = dataSource.unwrap(HikariDataSource.class).getMaximumPoolSize();
		CyclicBarrier everyConnectionHeld = new CyclicBarrier(writers);
		TransactionTemplate transaction = new TransactionTemplate(transactions);
		ExecutorService threads = Executors.newFixedThreadPool(writers);
		try {
			List<Future<?>> done = new ArrayList<>();
			for (int i = 0; i < writers; i++) {
				String key = "pool-" + i + ":" + person;
				done.add(threads.submit(() -> transaction.executeWithoutResult(status -> {
					jdbc.sql("select count(*) from notification where dedupe_key = :key")
						.param("key", key)
						.query(Long.class)
						.single();
					notifications.afterCommit(List.of(mention(person, key)));
					try {
						everyConnectionHeld.await(60, TimeUnit.SECONDS);
					}
					catch (Exception e) {
						throw new IllegalStateException(e);
					}
				})));
			}
			for (Future<?> writer : done) {
				writer.get(3, TimeUnit.MINUTES);
			}
		}
		finally {
			threads.shutdownNow();
		}
		assertThat(notifications.of(person, 100)).hasSize(writers);
	}

	@Test
	void afterCommitRecordsOnlyWhatCommitted() {
		String person = aUser();
		TransactionTemplate transaction = new TransactionTemplate(transactions);

		transaction.executeWithoutResult(status -> {
			notifications.afterCommit(List.of(mention(person, "rolled-back:" + person)));
			assertThat(notifications.of(person, 10)).as("not before the commit").isEmpty();
			status.setRollbackOnly();
		});
		assertThat(notifications.of(person, 10)).isEmpty();

		transaction
			.executeWithoutResult(status -> notifications.afterCommit(List.of(mention(person, "committed:" + person))));
		assertThat(notifications.of(person, 10)).hasSize(1);
	}

	@Test
	void aTaskForMyGroupThenHandedOverToMeTellsMeTwiceButWhoClaimsItNothing() {
		String claimer = aUser();
		String colleague = aUser();
		var product = lifecycles.aProduct(false);
		String taskId = lifecycles.task(product, io.scalegate.gate.ProductLifecycle.PROTOTYPE_REVIEW).getId();
		assertThat(notifications.of(colleague, 10)).extracting(Notification::subject)
			.containsExactly("Task: Review prototype (Gate 1) · " + product.partNumber());

		identity.setAuthentication(claimer, List.of("ENGINEER"));
		try {
			inbox.claim(accounts.find(claimer).orElseThrow(), taskId);
			inbox.handOver(accounts.find(claimer).orElseThrow(), taskId, colleague);
		}
		finally {
			identity.clearAuthentication();
		}

		assertThat(notifications.of(claimer, 10)).as("told once, as one of the group; not of their own claim")
			.hasSize(1);
		assertThat(notifications.of(colleague, 10)).hasSize(2).first().satisfies(handedOver -> {
			assertThat(handedOver.text()).contains("waits for you.");
			assertThat(handedOver.taskId()).isEqualTo(taskId);
		});
	}

	@Test
	void readingIsOnlyForTheRecipient() {
		String person = aUser();
		notifications.record(mention(person, "read:" + person));
		long id = notifications.of(person, 1).get(0).id();

		assertThat(notifications.read(id, "someone-else")).isEmpty();
		assertThat(notifications.unread(person)).isOne();
		assertThat(notifications.read(id, person)).contains("/products/X-1");
		assertThat(notifications.unread(person)).isZero();
	}

}
