package io.scalegate.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.scalegate.ScaleGateTest;
import io.scalegate.base.AuditAction;
import io.scalegate.base.AuditSubject;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Entries go to the unsealed tail in the change's transaction and are chained after its
 * commit (ADR 0028), on the real database (H2, and PostgreSQL in Failsafe's second run):
 * a transaction that appended and is still open holds up no other writer, and nor does a
 * sealer holding the chain's head; entries chain in commit order; a rollback leaves
 * neither entry nor gap; an append after the commit is written all the same; what a
 * sealer left is sealed by the sweep; a row edited or forged in the tail is refused, not
 * chained.
 */
@ScaleGateTest
class AuditUnsealedTailPersistenceTest {

	@Autowired
	AuditTrail trail;

	@Autowired
	AuditSearch search;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	AuditKeys keys;

	@Autowired
	com.fasterxml.jackson.databind.ObjectMapper json;

	private final String run = UUID.randomUUID().toString();

	private void append(String subject, int n) {
		trail.append("auditor", AuditAction.USER_CHANGED, AuditSubject.USER, subject, Map.of("n", n));
	}

	/** The entries filed under the subject, oldest (first chained) first. */
	private List<AuditEntry> entries(String subject) {
		trail.sealCommitted();
		return chained(subject);
	}

	/** The entries chained so far under the subject, without sealing first. */
	private List<AuditEntry> chained(String subject) {
		return jdbc.sql("select * from audit_entry where subject_id = ? order by id")
			.param(subject)
			.query(AuditTrail::entry)
			.list();
	}

	/**
	 * Before ADR 0024 the first append locked the head until its transaction committed,
	 * so B waited for A (and on H2 gave up after the lock timeout). The bound on B is
	 * there only so that such a wait fails instead of hanging.
	 */
	@Test
	void aWriterDoesNotWaitForAnOpenTransactionThatAppended() throws Exception {
		String subject = "open-" + run;
		CountDownLatch appended = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			Future<?> a = threads.submit(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
				append(subject, 1);
				appended.countDown();
				await(release);
			}));
			assertThat(appended.await(30, TimeUnit.SECONDS)).isTrue();

			Future<?> b = threads.submit(() -> append(subject, 2));
			b.get(30, TimeUnit.SECONDS);
			assertThat(a.isDone()).as("A is still open when B has committed").isFalse();
			assertThat(entries(subject)).extracting(AuditEntry::details).containsExactly("{\"n\":2}");

			release.countDown();
			a.get(30, TimeUnit.SECONDS);
		}
		finally {
			release.countDown();
			threads.shutdownNow();
		}
		// chained in commit order: B, then A
		assertThat(entries(subject)).extracting(AuditEntry::details).containsExactly("{\"n\":2}", "{\"n\":1}");
		assertThat(trail.verify().intact()).isTrue();
	}

	@Test
	void aRolledBackTransactionLeavesNeitherEntryNorGap() {
		String subject = "rollback-" + run;
		long headBefore = head();
		new TransactionTemplate(transactions).executeWithoutResult(status -> {
			append(subject, 1);
			append(subject, 2);
			status.setRollbackOnly();
		});
		assertThat(head()).isEqualTo(headBefore);
		append(subject, 3);

		assertThat(entries(subject)).extracting(AuditEntry::details).containsExactly("{\"n\":3}");
		assertThat(entries(subject).get(0).id()).isEqualTo(headBefore + 1);
		assertThat(trail.verify().intact()).isTrue();
	}

	/**
	 * A transaction that reads the trail after appending sees its entries (they are
	 * written then), and they still go with its rollback.
	 */
	@Test
	void aTransactionReadsWhatItAppended() {
		String subject = "read-" + run;
		AuditQuery bySubject = new AuditQuery(null, Set.of(), AuditSubject.USER, subject, null, null, null);
		new TransactionTemplate(transactions).executeWithoutResult(status -> {
			append(subject, 1);
			assertThat(search.count(bySubject)).isOne();
			append(subject, 2);
			assertThat(search.page(bySubject, 0, 10)).extracting(AuditEntry::details)
				.containsExactly("{\"n\":2}", "{\"n\":1}");
			assertThat(trail.verify().intact()).isTrue();
			status.setRollbackOnly();
		});
		assertThat(search.count(bySubject)).isZero();
		assertThat(trail.verify().intact()).isTrue();
	}

	/**
	 * A sealer holding the head (here: a transaction that locked it and stays open, as no
	 * sealer does) makes no writer wait on the database: the append commits to the tail,
	 * looks for its seal for 5 s and returns; once the head is free, the sweep chains it
	 * without anyone asking. Before (ADR 0024) the writer queued for the head's lock at
	 * its commit, here until H2's lock timeout.
	 */
	@Test
	void aWriterDoesNotWaitForASealerHoldingTheHeadAndTheSweepSealsWhatItLeft() throws Exception {
		String subject = "head-held-" + run;
		CountDownLatch held = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			Future<?> holder = threads
				.submit(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
					jdbc.sql("select last_id from audit_head where id = 1 for update").query(Long.class).single();
					held.countDown();
					await(release);
				}));
			assertThat(held.await(30, TimeUnit.SECONDS)).isTrue();

			threads.submit(() -> append(subject, 1)).get(20, TimeUnit.SECONDS);
			assertThat(holder.isDone()).as("the head is still held when the writer has committed").isFalse();
			assertThat(chained(subject)).isEmpty();
			assertThat(jdbc.sql("select count(*) from audit_pending where subject_id = ?")
				.param(subject)
				.query(Long.class)
				.single()).isOne();

			release.countDown();
			holder.get(30, TimeUnit.SECONDS);
		}
		finally {
			release.countDown();
			threads.shutdownNow();
		}
		long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		while (chained(subject).isEmpty() && System.nanoTime() < giveUp) {
			Thread.sleep(50);
		}
		assertThat(chained(subject)).as("chained by the sweep").hasSize(1);
		assertThat(trail.verify().intact()).isTrue();
	}

	/**
	 * Whoever can write the database edits a row of the tail before its seal, inserts one
	 * with a made-up MAC (and details that grow six-fold when escaped), one naming an
	 * action ScaleGate does not write, or a copy of a row chained before (from a dump or
	 * the WAL): none is chained as written, none stops the seal. An entry saying what the
	 * row held takes its place, and the chain stays intact.
	 */
	@Test
	void aRowEditedForgedUnknownOrReplayedInTheTailIsRefusedNotChained() {
		String subject = "forged-" + run;
		AuditKey key = keys.current();
		PendingEntry honest = new PendingEntry("engineer", AuditAction.SIGNATURE_GIVEN, AuditSubject.TASK, subject,
				"{\"n\":1}", Instant.now().truncatedTo(ChronoUnit.MICROS));
		String nonce = UUID.randomUUID().toString();
		insertIntoTail(honest, "SIGNATURE_GIVEN", "{\"n\":2}", key.id(), nonce,
				key.hash(honest.content(key.id(), nonce)));
		insertIntoTail(honest, "SIGNATURE_GIVEN", "\"".repeat(90_000), key.id(), UUID.randomUUID().toString(),
				"f".repeat(64));
		insertIntoTail(honest, "NOT_AN_ACTION", honest.details(), key.id(), UUID.randomUUID().toString(),
				"f".repeat(64));
		// an honest entry, chained, and then its row inserted again
		append(subject, 3);
		String chainedNonce = jdbc.sql("select tail_nonce from audit_entry where subject_id = ?")
			.param(subject)
			.query(String.class)
			.single();
		PendingEntry chained = entries(subject).stream()
			.map(entry -> new PendingEntry(entry.actor(), entry.action(), entry.subjectType(), entry.subjectId(),
					entry.details(), entry.occurredAt()))
			.findFirst()
			.orElseThrow();
		insertIntoTail(chained, chained.action().name(), chained.details(), key.id(), chainedNonce,
				key.hash(chained.content(key.id(), chainedNonce)));

		List<AuditEntry> refusals = entries("audit-trail").stream()
			.filter(entry -> entry.action() == AuditAction.AUDIT_ENTRY_REFUSED && entry.details().contains(subject))
			.toList();

		assertThat(chained(subject)).extracting(AuditEntry::details).containsExactly("{\"n\":3}");
		assertThat(refusals).extracting(AuditEntry::details)
			.satisfiesExactly(edited -> assertThat(edited).contains("edited or forged", "SIGNATURE_GIVEN", "n\\\":2"),
					escaped -> assertThat(escaped).contains("edited or forged", "detailsSha256"),
					unknown -> assertThat(unknown).contains("does not write", "NOT_AN_ACTION"),
					replayed -> assertThat(replayed).contains("replayed"));
		assertThat(refusals).allSatisfy(refusal -> assertThat(refusal.actor()).isEqualTo("system"));
		assertThat(tailRows(subject)).isZero();
		assertThat(trail.verify().intact()).isTrue();
	}

	/**
	 * A row under a key this node does not hold (another node's, rotated first) stays in
	 * the tail for that node, and holds up neither the rows after it nor a reader; one no
	 * node has sealed for ten minutes is refused.
	 */
	@Test
	void aRowUnderAnotherNodesKeyIsLeftForThatNodeAndRefusedOnceAbandoned() {
		String subject = "other-key-" + run;
		PendingEntry entry = new PendingEntry("engineer", AuditAction.SIGNATURE_GIVEN, AuditSubject.TASK, subject, "{}",
				Instant.now().truncatedTo(ChronoUnit.MICROS));
		insertIntoTail(entry, entry.action().name(), entry.details(), "key-of-another-node",
				UUID.randomUUID().toString(), "0".repeat(64));
		try {
			append(subject, 2);
			long started = System.nanoTime();
			assertThat(entries(subject)).extracting(AuditEntry::details).containsExactly("{\"n\":2}");
			assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started)).as("the reader did not wait it out")
				.isLessThan(5);
			assertThat(tailRows(subject)).isOne();
			assertThat(trail.verify().intact()).isTrue();

			PendingEntry abandoned = new PendingEntry("engineer", AuditAction.SIGNATURE_GIVEN, AuditSubject.TASK,
					subject, "{\"abandoned\":true}", Instant.now().minus(AuditSealer.ABANDONED).minusSeconds(60));
			insertIntoTail(abandoned, abandoned.action().name(), abandoned.details(), "key-of-another-node",
					UUID.randomUUID().toString(), "0".repeat(64));
			assertThat(entries("audit-trail")).filteredOn(refusal -> refusal.details().contains("abandoned"))
				.singleElement()
				.satisfies(refusal -> assertThat(refusal.details()).contains("no node has held"));
			assertThat(tailRows(subject)).isOne();
		}
		finally {
			jdbc.sql("delete from audit_pending where subject_id = ?").param(subject).update();
		}
	}

	/**
	 * A tail row locked by another session (an administrator's open transaction) is
	 * skipped, not waited for: the sealer's delete would otherwise wait on it while
	 * holding the head, and every writer behind it.
	 */
	@Test
	void aTailRowLockedByAnotherSessionHoldsUpNoSeal() throws Exception {
		String subject = "row-locked-" + run;
		PendingEntry stray = new PendingEntry("engineer", AuditAction.SIGNATURE_GIVEN, AuditSubject.TASK, subject, "{}",
				Instant.now().truncatedTo(ChronoUnit.MICROS));
		CountDownLatch locked = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			// the session inserts the row and keeps it locked: nobody else sees it yet,
			// then commits it and locks it again
			insertIntoTail(stray, stray.action().name(), stray.details(), keys.current().id(),
					UUID.randomUUID().toString(), "0".repeat(64));
			Future<?> session = threads
				.submit(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
					jdbc.sql("select seq from audit_pending where subject_id = ? for update")
						.param(subject)
						.query(Long.class)
						.list();
					locked.countDown();
					await(release);
				}));
			assertThat(locked.await(30, TimeUnit.SECONDS)).isTrue();

			long started = System.nanoTime();
			threads.submit(() -> append(subject, 1)).get(30, TimeUnit.SECONDS);
			assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).as("the writer did not wait")
				.isLessThan(4000);
			assertThat(chained(subject)).extracting(AuditEntry::details).containsExactly("{\"n\":1}");
			assertThat(tailRows(subject)).isOne();

			release.countDown();
			session.get(30, TimeUnit.SECONDS);
		}
		finally {
			release.countDown();
			threads.shutdownNow();
			jdbc.sql("delete from audit_pending where subject_id = ?").param(subject).update();
		}
	}

	private void insertIntoTail(PendingEntry entry, String action, String details, String keyId, String nonce,
			String mac) {
		jdbc.sql(
				"""
						insert into audit_pending (occurred_at, actor, action, subject_type, subject_id, details, key_id, nonce, entry_mac)
						values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(Timestamp.from(entry.at()), entry.actor(), action, entry.subjectType().name(), entry.subjectId(),
					details, keyId, nonce, mac)
			.update();
	}

	private long tailRows(String subject) {
		return jdbc.sql("select count(*) from audit_pending where subject_id = ?")
			.param(subject)
			.query(Long.class)
			.single();
	}

	/**
	 * An after-commit step that appends comes after the commit: the entry is written at
	 * once in a transaction of its own, not left in a buffer nobody writes.
	 */
	@Test
	void anAppendAfterTheCommitIsWrittenAtOnce() {
		String subject = "after-commit-" + run;
		new TransactionTemplate(transactions).executeWithoutResult(status -> {
			append(subject, 1);
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					append(subject, 2);
				}
			});
		});
		assertThat(entries(subject)).extracting(AuditEntry::details).containsExactly("{\"n\":1}", "{\"n\":2}");
		assertThat(trail.verify().intact()).isTrue();
	}

	/** Without a transaction (a trail that is not a Spring bean): written at once. */
	@Test
	void anAppendWithoutATransactionIsWrittenAtOnce() {
		String subject = "no-transaction-" + run;
		new AuditTrail(jdbc, Clock.systemUTC(), json, keys, transactions).append("auditor", AuditAction.USER_CHANGED,
				AuditSubject.USER, subject, Map.of("n", 1));
		assertThat(entries(subject)).hasSize(1);
		assertThat(trail.verify().intact()).isTrue();
	}

	/**
	 * Eight writers, 50 transactions each of one or two entries, every fifth rolled back:
	 * the chain is intact and holds exactly the committed entries.
	 */
	@Test
	void concurrentWritersKeepTheChainIntact() throws Exception {
		String subject = "concurrent-" + run;
		AtomicInteger committed = new AtomicInteger();
		ExecutorService writers = Executors.newFixedThreadPool(8);
		List<Future<?>> done = new ArrayList<>();
		for (int w = 0; w < 8; w++) {
			done.add(writers.submit(() -> {
				for (int n = 0; n < 50; n++) {
					int entries = 1 + n % 2;
					boolean rollBack = n % 5 == 4;
					new TransactionTemplate(transactions).executeWithoutResult(status -> {
						for (int e = 0; e < entries; e++) {
							append(subject, e);
						}
						if (rollBack) {
							status.setRollbackOnly();
						}
					});
					if (!rollBack) {
						committed.addAndGet(entries);
					}
				}
				return null;
			}));
		}
		try {
			for (Future<?> writer : done) {
				writer.get(120, TimeUnit.SECONDS);
			}
		}
		finally {
			writers.shutdownNow();
		}
		// per writer: 75 entries in 50 transactions, 15 of them in the 10 rolled back
		assertThat(committed.get()).isEqualTo(8 * 60);
		assertThat(entries(subject)).hasSize(committed.get());
		assertThat(trail.verify().intact()).isTrue();
	}

	private long head() {
		return jdbc.sql("select last_id from audit_head where id = 1").query(Long.class).single();
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(60, TimeUnit.SECONDS);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

}
