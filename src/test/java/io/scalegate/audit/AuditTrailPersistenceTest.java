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
			assertThat(trail.verify()).isEqualTo(new AuditVerification(false, trail.verify().entries(), second.id()));
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
					third.subjectType(), third.subjectId(), third.details(), third.entryHash(), third.entryHash());
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
				"insert into audit_entry (id, occurred_at, actor, action, subject_type, subject_id, details, previous_hash, entry_hash) "
						+ "values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(entry.id(), java.sql.Timestamp.from(entry.occurredAt()), entry.actor(), entry.action().name(),
					entry.subjectType().name(), entry.subjectId(), entry.details(), entry.previousHash(),
					entry.entryHash())
			.update();
	}

}
