package io.scalegate.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scalegate.ScaleGateTest;
import io.scalegate.base.AuditAction;
import io.scalegate.base.AuditSubject;
import io.scalegate.evidence.EvidenceRecorder;
import io.scalegate.evidence.FeedbackRating;
import io.scalegate.evidence.Result;
import io.scalegate.evidence.SmallBatch;
import io.scalegate.evidence.SmallBatchEntry;
import io.scalegate.gate.ProductLifecycle;
import io.scalegate.gate.process.Lifecycles;
import io.scalegate.product.Product;
import io.scalegate.security.ApiTokens;
import io.scalegate.security.IssuedToken;
import io.scalegate.security.Role;
import io.scalegate.security.UserAccounts;
import io.scalegate.task.Inbox;
import io.scalegate.task.SignatureMeaning;
import io.scalegate.task.TaskCompletion;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The trail on the real database (H2, and PostgreSQL in Failsafe's second run): every
 * kind of event lands with its actor, and the hash chain catches an edited, a deleted and
 * a swapped row.
 */
@ScaleGateTest
class AuditTrailPersistenceTest {

	@Autowired
	AuditTrail trail;

	@Autowired
	AuditSearch search;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Lifecycles lifecycles;

	@Autowired
	EvidenceRecorder recorder;

	@Autowired
	Inbox inbox;

	@Autowired
	UserAccounts accounts;

	@Autowired
	TaskCompletion completion;

	@Autowired
	ApiTokens tokens;

	@LocalServerPort
	int port;

	private List<AuditEntry> entriesOf(String partNumber) {
		return search.page(AuditQuery.product(partNumber), 0, 500);
	}

	private AuditEntry latest(AuditAction action, String subjectId) {
		return search.page(new AuditQuery(null, Set.of(action), null, subjectId, null, null, null), 0, 1).get(0);
	}

	@Autowired
	javax.sql.DataSource dataSource;

	private boolean postgres() {
		try (var connection = dataSource.getConnection()) {
			return connection.getMetaData().getDatabaseProductName().equals("PostgreSQL");
		}
		catch (java.sql.SQLException e) {
			throw new IllegalStateException(e);
		}
	}

	@Test
	void everyStepOfALifecycleLandsInTheTrailWithItsActor() {
		Product product = lifecycles.aProductReadyForGate2(false);
		lifecycles.passGate1(product);
		SmallBatch batch = recorder.record(product.partNumber(), new SmallBatchEntry("X-1", 10, Result.PASS,
				Result.PASS, Result.PASS, LocalDate.now().minusDays(3), LocalDate.now().minusDays(3)), "supplier");
		recorder.edit(product.partNumber(), batch.id(), new SmallBatchEntry("X-1", 12, Result.PASS, Result.PASS,
				Result.PASS, LocalDate.now().minusDays(3), LocalDate.now().minusDays(3)), "recount", "quality");
		Task freeze = lifecycles.task(product, ProductLifecycle.DESIGN_FREEZE_SIGN_OFF);
		inbox.claim(accounts.find("engineer").orElseThrow(), freeze.getId());
		inbox.handOver(accounts.find("engineer").orElseThrow(), freeze.getId(), "engineer2");
		inbox.unclaim(accounts.find("engineer2").orElseThrow(), freeze.getId());
		assertThatThrownBy(() -> completion.complete(freeze.getId(), "engineer", "wrong", SignatureMeaning.APPROVED,
				Map.of(ProductLifecycle.DESIGN_FROZEN.name(), true)));
		completion.complete(freeze.getId(), "engineer", "demo", SignatureMeaning.APPROVED,
				Map.of(ProductLifecycle.DESIGN_FROZEN.name(), true));
		lifecycles.complete(product, ProductLifecycle.INSPECTION_STANDARD_APPROVAL, "quality",
				Map.of(ProductLifecycle.INSPECTION_STANDARD_APPROVED.name(), true,
						ProductLifecycle.MATERIAL_CONFIRMED.name(), true,
						ProductLifecycle.SURFACE_FINISH_CONFIRMED.name(), true));
		lifecycles.complete(product, ProductLifecycle.SUPPLIER_QUALIFICATION, "supplier",
				Map.of(ProductLifecycle.SUPPLIER_APPROVED.name(), true));
		lifecycles.decideGate(product, "KILL", "the customer cancelled the programme");

		List<AuditEntry> entries = entriesOf(product.partNumber());
		assertThat(entries).extracting(AuditEntry::action)
			.contains(AuditAction.PRODUCT_REGISTERED, AuditAction.STAGE_CHANGED, AuditAction.EVIDENCE_RECORDED,
					AuditAction.EVIDENCE_CHANGED, AuditAction.GATE_EVALUATED, AuditAction.GATE_DECIDED,
					AuditAction.RECOMMENDATION_OVERRIDDEN);
		assertThat(latest(AuditAction.PRODUCT_REGISTERED, product.partNumber()).actor()).isEqualTo("engineer");
		AuditEntry changed = latest(AuditAction.EVIDENCE_CHANGED, product.partNumber());
		assertThat(changed.actor()).isEqualTo("quality");
		assertThat(changed.details()).contains("\"reason\":\"recount\"", "\"quantity\":10", "\"quantity\":12");
		AuditEntry overridden = latest(AuditAction.RECOMMENDATION_OVERRIDDEN, product.partNumber());
		assertThat(overridden.actor()).isEqualTo("gatekeeper");
		assertThat(overridden.details()).contains("the customer cancelled the programme", "GO_MASS_PRODUCTION");
		assertThat(latest(AuditAction.GATE_EVALUATED, product.partNumber()).details())
			.contains("\"recommendation\":\"GO_MASS_PRODUCTION\"", "\"demandCv\"", "\"rulesVersion\"");
		assertThat(latest(AuditAction.STAGE_CHANGED, product.partNumber()).details()).contains("CANCELLED");

		List<AuditEntry> taskEntries = search
			.page(new AuditQuery(null, Set.of(), AuditSubject.TASK, freeze.getId(), null, null, null), 0, 10);
		assertThat(taskEntries).extracting(AuditEntry::action, AuditEntry::actor)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(AuditAction.SIGNATURE_GIVEN, "engineer"),
					org.assertj.core.groups.Tuple.tuple(AuditAction.TASK_RELEASED, "engineer2"),
					org.assertj.core.groups.Tuple.tuple(AuditAction.TASK_HANDED_OVER, "engineer"),
					org.assertj.core.groups.Tuple.tuple(AuditAction.TASK_CLAIMED, "engineer"));
		assertThat(latest(AuditAction.SIGNATURE_REFUSED, "engineer").details()).contains("wrong password");
		assertThat(trail.verify().intact()).isTrue();
	}

	@Test
	void tokensLoginFailuresAndDeploymentsAreInTheTrail() throws Exception {
		IssuedToken token = tokens.issue("audit-" + UUID.randomUUID().toString().substring(0, 6), Role.AUDITOR,
				"admin");
		tokens.revoke(token.token().id(), "admin");
		HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/products"))
				.header("Authorization",
						"Basic " + Base64.getEncoder().encodeToString("mallory:guess".getBytes(StandardCharsets.UTF_8)))
				.build(), BodyHandlers.discarding());
		HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/products"))
				.header("Authorization", "Bearer " + token.secret())
				.build(), BodyHandlers.discarding());

		assertThat(latest(AuditAction.TOKEN_ISSUED, token.token().name()).actor()).isEqualTo("admin");
		assertThat(latest(AuditAction.TOKEN_REVOKED, token.token().name()).details()).contains("AUDITOR");
		// failed logins are kept apart and summarised (docs/adr/0011), not one trail
		// entry each
		assertThat(
				search.count(new AuditQuery(null, Set.of(AuditAction.LOGIN_FAILED), null, "mallory", null, null, null)))
			.isZero();
		assertThat(search.count(new AuditQuery(null, Set.of(), null, null, null, null, token.secret()))).isZero();
		assertThat(search.count(new AuditQuery(null, Set.of(AuditAction.MODEL_DEPLOYED), null, null, null, null, null)))
			.isPositive();
	}

	@Test
	void theChainCatchesAnEditedADeletedAndASwappedRow() {
		Product product = lifecycles.aProduct(false);
		lifecycles.feedback(product, FeedbackRating.POSITIVE);
		trail.append("auditor", AuditAction.USER_CHANGED, AuditSubject.USER, "probe", Map.of("n", 1));
		trail.append("auditor", AuditAction.USER_CHANGED, AuditSubject.USER, "probe", Map.of("n", 2));
		trail.append("auditor", AuditAction.USER_CHANGED, AuditSubject.USER, "probe", Map.of("n", 3));
		List<AuditEntry> probes = search
			.page(new AuditQuery(null, Set.of(), AuditSubject.USER, "probe", null, null, null), 0, 3);
		AuditEntry third = probes.get(0);
		AuditEntry second = probes.get(1);
		assertThat(trail.verify().intact()).isTrue();
		boolean postgres = postgres();
		if (postgres) {
			assertThatThrownBy(
					() -> jdbc.sql("update audit_entry set actor = 'x' where id = ?").param(second.id()).update())
				.hasMessageContaining("append-only");
			jdbc.sql("alter table audit_entry disable trigger audit_entry_append_only").update();
		}
		try {
			// edited
			jdbc.sql("update audit_entry set details = ? where id = ?").params("{\"n\":99}", second.id()).update();
			assertThat(trail.verify()).extracting(AuditVerification::intact, AuditVerification::firstBrokenEntry)
				.containsExactly(false, second.id());
			jdbc.sql("update audit_entry set details = ? where id = ?").params(second.details(), second.id()).update();
			assertThat(trail.verify().intact()).isTrue();

			// deleted
			jdbc.sql("delete from audit_entry where id = ?").param(second.id()).update();
			assertThat(trail.verify().firstBrokenEntry()).isEqualTo(second.id());
			insert(second);
			assertThat(trail.verify().intact()).isTrue();

			// swapped
			jdbc.sql("update audit_entry set id = -1 where id = ?").param(second.id()).update();
			jdbc.sql("update audit_entry set id = ? where id = ?").params(second.id(), third.id()).update();
			jdbc.sql("update audit_entry set id = ? where id = -1").param(third.id()).update();
			assertThat(trail.verify().intact()).isFalse();
			assertThat(trail.verify().firstBrokenEntry()).isEqualTo(second.id());
			jdbc.sql("delete from audit_entry where id in (?, ?)").params(second.id(), third.id()).update();
			insert(second);
			insert(third);
			assertThat(trail.verify().intact()).isTrue();

			// appended behind the trail's back, chained correctly but without moving the
			// head
			AuditEntry forged = new AuditEntry(third.id() + 1000, third.occurredAt(), "x", third.action(),
					third.subjectType(), third.subjectId(), third.details(), third.entryHash(), third.entryHash(),
					third.keyId());
			insert(forged);
			assertThat(trail.verify().intact()).isFalse();
			jdbc.sql("delete from audit_entry where id = ?").param(forged.id()).update();
			assertThat(trail.verify().intact()).isTrue();
		}
		finally {
			if (postgres) {
				jdbc.sql("alter table audit_entry enable trigger audit_entry_append_only").update();
			}
		}
	}

	@Autowired
	AuditKeys keys;

	@Autowired
	AuditCheckpoints checkpoints;

	@Autowired
	org.springframework.transaction.PlatformTransactionManager transactions;

	@Autowired
	java.time.Clock clock;

	@Autowired
	com.fasterxml.jackson.databind.ObjectMapper json;

	/**
	 * An attacker who disabled the trigger edits an entry and recomputes the plain
	 * SHA-256 of it and of every later entry, and moves the head: the keyed chain catches
	 * it. So it does when every entry is relabelled as one of before keys; such entries
	 * are accepted only where a keyed entry follows them, as after V6 and the next start.
	 */
	@Test
	void rowsRehashedWithPlainSha256AreCaught() {
		trail.append("auditor", AuditAction.USER_CHANGED, AuditSubject.USER, "rehash", Map.of("n", 1));
		trail.append("auditor", AuditAction.USER_CHANGED, AuditSubject.USER, "rehash", Map.of("n", 2));
		AuditEntry first = search
			.page(new AuditQuery(null, Set.of(), AuditSubject.USER, "rehash", null, null, null), 0, 2)
			.get(1);
		assertThat(trail.verify().intact()).isTrue();

		inRollback(() -> {
			rehashWithPlainSha256(first.id(), "{\"n\":99}", false);
			AuditVerification verdict = trail.verify();
			assertThat(verdict.intact()).isFalse();
			assertThat(verdict.firstBrokenEntry()).isEqualTo(first.id());
			assertThat(verdict.problem()).contains("rehashed without the key").contains("'test'");
		});
		inRollback(() -> {
			rehashWithPlainSha256(1, null, true);
			AuditVerification verdict = trail.verify();
			assertThat(verdict.intact()).isFalse();
			assertThat(verdict.problem()).contains("entry 1 has a plain SHA-256 hash")
				.contains("SCALEGATE_AUDIT_PLAIN_ENTRIES");

			// sealed by the application (its next start): still a rewrite, since no entry
			// of this trail was written before keys
			trail.sealWithCurrentKey();
			assertThat(latest(AuditAction.AUDIT_KEY_CHANGED, "audit-key").details()).contains("\"from\":\"sha256\"",
					"\"to\":\"test\"");
			AuditVerification sealed = trail.verify();
			assertThat(sealed.intact()).isFalse();
			assertThat(sealed.firstBrokenEntry()).isEqualTo(1);
			assertThat(sealed.problem()).contains("SCALEGATE_AUDIT_PLAIN_ENTRIES");
		});
		assertThat(trail.verify().intact()).isTrue();
	}

	/**
	 * Entries under key A, then the current key rotated to B with A kept to verify: all
	 * verify. Without A, verify names the key it lacks.
	 */
	@Test
	void aRotatedKeyVerifiesItsEntriesAndAMissingOneIsNamed() {
		AuditKey test = keys.current();
		AuditKey a = new AuditKey("key-a", "a-key-of-thirty-two-bytes-or-more!".getBytes(StandardCharsets.UTF_8));
		AuditKey b = new AuditKey("key-b", "b-key-of-thirty-two-bytes-or-more!".getBytes(StandardCharsets.UTF_8));
		inRollback(() -> {
			AuditTrail underA = new AuditTrail(jdbc, clock, json, new AuditKeys(a, List.of(test)), transactions);
			underA.append("auditor", AuditAction.USER_CHANGED, AuditSubject.USER, "rotation", Map.of("n", 1));
			underA.append("auditor", AuditAction.USER_CHANGED, AuditSubject.USER, "rotation", Map.of("n", 2));
			// this transaction rolls back: the entries are written now, not at its commit
			underA.sealCommitted();
			AuditTrail underB = new AuditTrail(jdbc, clock, json, new AuditKeys(b, List.of(a, test)), transactions);
			underB.append("auditor", AuditAction.USER_CHANGED, AuditSubject.USER, "rotation", Map.of("n", 3));
			underB.sealCommitted();
			List<AuditEntry> rotation = search
				.page(new AuditQuery(null, Set.of(), AuditSubject.USER, "rotation", null, null, null), 0, 3);
			AuditEntry changedToA = jdbc.sql("select * from audit_entry where id = ?")
				.param(rotation.get(2).id() - 1)
				.query(AuditTrail::entry)
				.single();

			assertThat(changedToA.action()).isEqualTo(AuditAction.AUDIT_KEY_CHANGED);
			assertThat(changedToA.keyId()).isEqualTo("key-a");
			assertThat(rotation).extracting(AuditEntry::keyId).containsExactly("key-b", "key-a", "key-a");
			assertThat(latest(AuditAction.AUDIT_KEY_CHANGED, "audit-key").details()).contains("\"from\":\"key-a\"",
					"\"to\":\"key-b\"");
			assertThat(underB.verify().intact()).as(underB.verify().toString()).isTrue();

			AuditVerification withoutA = new AuditTrail(jdbc, clock, json, new AuditKeys(b, List.of(test)),
					transactions)
				.verify();
			assertThat(withoutA.intact()).isFalse();
			assertThat(withoutA.unknownKeyId()).isEqualTo("key-a");
			// the first entry under A is the one that says the key changed
			assertThat(withoutA.firstBrokenEntry()).isEqualTo(changedToA.id());
			assertThat(withoutA.problem()).contains("'key-a'", "not configured", "SCALEGATE_AUDIT_RETIRED_KEYS");
		});
		assertThat(trail.verify().intact()).isTrue();
	}

	/**
	 * A checkpoint of the head compares with the trail: intact → matches; the entry's row
	 * rewritten → changed; removed → missing; a forged signature or an unknown key →
	 * refused. Anyone can check the signature with the public key alone.
	 */
	@Test
	void aCheckpointIsComparedWithTheTrail() throws Exception {
		trail.append("auditor", AuditAction.USER_CHANGED, AuditSubject.USER, "checkpoint", Map.of("n", 1));
		AuditCheckpoint checkpoint = checkpoints.export();
		trail.append("auditor", AuditAction.USER_CHANGED, AuditSubject.USER, "checkpoint", Map.of("n", 2));

		assertThat(checkpoints.check(checkpoint).outcome()).isEqualTo(CheckpointCheck.Outcome.MATCHES);
		assertThat(checkpoint.keyId()).isEqualTo("test");
		java.security.Signature signature = java.security.Signature.getInstance("Ed25519");
		signature.initVerify(java.security.KeyFactory.getInstance("Ed25519")
			.generatePublic(new java.security.spec.X509EncodedKeySpec(
					java.util.Base64.getDecoder().decode(checkpoints.publicKeys().get("test")))));
		signature.update(checkpoint.signedText().getBytes(StandardCharsets.UTF_8));
		assertThat(signature.verify(java.util.Base64.getDecoder().decode(checkpoint.signature()))).isTrue();

		AuditCheckpoint forged = new AuditCheckpoint(checkpoint.entry(), "0".repeat(64), checkpoint.issuedAt(),
				checkpoint.keyId(), checkpoint.algorithm(), checkpoint.publicKey(), checkpoint.signature());
		assertThat(checkpoints.check(forged)).extracting(CheckpointCheck::outcome, CheckpointCheck::entryMatches)
			.containsExactly(CheckpointCheck.Outcome.SIGNATURE_INVALID, null);
		AuditCheckpoint otherKey = new AuditCheckpoint(checkpoint.entry(), checkpoint.entryHash(),
				checkpoint.issuedAt(), "gone", checkpoint.algorithm(), checkpoint.publicKey(), checkpoint.signature());
		assertThat(checkpoints.check(otherKey).outcome()).isEqualTo(CheckpointCheck.Outcome.UNKNOWN_KEY);

		inRollback(() -> {
			allowChanges();
			jdbc.sql("update audit_entry set entry_hash = ? where id = ?")
				.params("f".repeat(64), checkpoint.entry())
				.update();
			CheckpointCheck changed = checkpoints.check(checkpoint);
			assertThat(changed.outcome()).isEqualTo(CheckpointCheck.Outcome.ENTRY_CHANGED);
			assertThat(changed.signatureValid()).isTrue();
			assertThat(changed.currentHash()).isEqualTo("f".repeat(64));
			jdbc.sql("delete from audit_entry where id >= ?").param(checkpoint.entry()).update();
			assertThat(checkpoints.check(checkpoint).outcome()).isEqualTo(CheckpointCheck.Outcome.ENTRY_MISSING);
		});
		assertThat(checkpoints.check(checkpoint).ok()).isTrue();
	}

	/**
	 * Runs {@code body} in a transaction that is rolled back: the shared trail stays
	 * intact.
	 */
	private void inRollback(Runnable body) {
		new org.springframework.transaction.support.TransactionTemplate(transactions).executeWithoutResult(status -> {
			status.setRollbackOnly();
			body.run();
		});
	}

	/**
	 * As an attacker who can: the trigger off (PostgreSQL), inside the rolled-back
	 * transaction.
	 */
	private void allowChanges() {
		if (postgres()) {
			jdbc.sql("alter table audit_entry disable trigger audit_entry_append_only").update();
		}
	}

	/**
	 * Rewrites the entries from {@code fromId} on with recomputed plain SHA-256 hashes
	 * and moves the head, as whoever can write the table but has no key: {@code details}
	 * for the first, {@code asLegacy}: every entry relabelled as one of before keys.
	 */
	private void rehashWithPlainSha256(long fromId, String details, boolean asLegacy) {
		allowChanges();
		String previous = fromId == 1 ? AuditTrail.GENESIS
				: jdbc.sql("select entry_hash from audit_entry where id = ?")
					.param(fromId - 1)
					.query(String.class)
					.single();
		List<AuditEntry> entries = jdbc.sql("select * from audit_entry where id >= ? order by id")
			.param(fromId)
			.query(AuditTrail::entry)
			.list();
		String keyId = null;
		for (AuditEntry entry : entries) {
			keyId = asLegacy ? AuditTrail.LEGACY_KEY_ID : entry.keyId();
			AuditEntry unsigned = new AuditEntry(entry.id(), entry.occurredAt(), entry.actor(), entry.action(),
					entry.subjectType(), entry.subjectId(),
					details != null && entry.id() == fromId ? details : entry.details(), previous, null, keyId);
			String hash = io.scalegate.base.Sha256.hex(unsigned.content());
			jdbc.sql("update audit_entry set details = ?, previous_hash = ?, entry_hash = ?, key_id = ? where id = ?")
				.params(unsigned.details(), previous, hash, keyId, entry.id())
				.update();
			previous = hash;
		}
		jdbc.sql("update audit_head set last_hash = ?, last_key_id = ? where id = 1").params(previous, keyId).update();
	}

	/**
	 * Found by a load test: with writers appending, verify read the head after walking
	 * the chain and reported the newest entry as broken. Eight writers append while
	 * verify runs again and again: never a false alarm.
	 */
	@Test
	void verifyNeverRaisesAFalseAlarmWhileOthersAppend() throws Exception {
		java.util.concurrent.ExecutorService writers = java.util.concurrent.Executors.newFixedThreadPool(8);
		java.util.concurrent.atomic.AtomicBoolean running = new java.util.concurrent.atomic.AtomicBoolean(true);
		java.util.concurrent.atomic.AtomicLong appended = new java.util.concurrent.atomic.AtomicLong();
		try {
			for (int w = 0; w < 8; w++) {
				writers.submit(() -> {
					while (running.get()) {
						trail.append("writer", AuditAction.USER_CHANGED, AuditSubject.USER, "load",
								Map.of("n", appended.incrementAndGet()));
					}
					return null;
				});
			}
			List<AuditVerification> verdicts = new java.util.ArrayList<>();
			while (verdicts.size() < 40 || appended.get() < 200) {
				verdicts.add(trail.verify());
			}
			assertThat(verdicts).as("%d verifications during %d appends", verdicts.size(), appended.get())
				.allSatisfy(verdict -> assertThat(verdict.intact()).as(verdict.toString()).isTrue());
		}
		finally {
			running.set(false);
			writers.shutdown();
			assertThat(writers.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
		}
		assertThat(trail.verify().intact()).isTrue();
	}

	private void insert(AuditEntry entry) {
		jdbc.sql(
				"insert into audit_entry (id, occurred_at, actor, action, subject_type, subject_id, details, previous_hash, entry_hash, key_id) "
						+ "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(entry.id(), java.sql.Timestamp.from(entry.occurredAt()), entry.actor(), entry.action().name(),
					entry.subjectType().name(), entry.subjectId(), entry.details(), entry.previousHash(),
					entry.entryHash(), entry.keyId())
			.update();
	}

}
