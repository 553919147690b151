package io.scalegate.task;

import static io.scalegate.gate.ProductLifecycle.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scalegate.ScaleGateTest;
import io.scalegate.base.InvalidInput;
import io.scalegate.evidence.DesignChangeEntry;
import io.scalegate.evidence.EvidenceRecorder;
import io.scalegate.gate.process.Lifecycles;
import io.scalegate.product.Product;
import io.scalegate.security.Role;
import io.scalegate.security.ScaleGateStep;
import io.scalegate.security.UserAccounts;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Signed completions: the password, the record, the lockout, four-eyes in the engine, and
 * races.
 */
@ScaleGateTest
class TaskCompletionProcessTest {

	@Autowired
	TaskCompletion completion;

	@Autowired
	io.scalegate.audit.AuditSearch auditSearch;

	@Autowired
	Lifecycles lifecycles;

	@Autowired
	Signatures signatures;

	@Autowired
	TaskService tasks;

	@Autowired
	RuntimeService runtime;

	@Autowired
	IdentityService identity;

	@Autowired
	UserAccounts accounts;

	List<Signature> signaturesOn(Product product, String taskKey) {
		return signatures.findByPartNumberOrderBySignedAtAsc(product.partNumber())
			.stream()
			.filter(signature -> signature.taskKey().equals(taskKey))
			.toList();
	}

	Task designFreezeTask(Product product) {
		lifecycles.passGate1(product);
		return lifecycles.task(product, DESIGN_FREEZE_SIGN_OFF);
	}

	String aUser(Role... roles) {
		String username = "u-" + UUID.randomUUID().toString().substring(0, 8);
		accounts.save(username, "Test " + username, "demo", EnumSet.of(roles[0], roles));
		return username;
	}

	@Test
	void signsAndCompletesWithTheRightPassword() {
		Product product = lifecycles.aProduct(false);
		Task task = designFreezeTask(product);

		Signature signature = completion.complete(task.getId(), "engineer", "demo", SignatureMeaning.APPROVED,
				Map.of(DESIGN_FROZEN.name(), true, "designFreezeComment", "rev C"));

		assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).isZero();
		assertThat(runtime.getVariable(lifecycles.instance(product).getId(), DESIGN_FROZEN.name())).isEqualTo(true);
		Signature stored = signatures.findById(signature.id()).orElseThrow();
		assertThat(stored.printedName()).isEqualTo("Erin Engineer");
		assertThat(stored.username()).isEqualTo("engineer");
		assertThat(stored.meaning()).isEqualTo(SignatureMeaning.APPROVED);
		assertThat(stored.taskKey()).isEqualTo(DESIGN_FREEZE_SIGN_OFF);
		assertThat(stored.partNumber()).isEqualTo(product.partNumber());
		assertThat(stored.signedValues()).isEqualTo("{\"designFreezeComment\":\"rev C\",\"designFrozen\":true}");
		assertThat(stored.valuesHash()).isEqualTo(io.scalegate.base.Sha256.hex(stored.signedValues())).hasSize(64);
		assertThat(stored.signedAt()).isNotNull();
	}

	@Test
	void aWrongPasswordSignsNothingAndCompletesNothing() {
		Product product = lifecycles.aProduct(false);
		Task task = designFreezeTask(product);

		assertThatThrownBy(() -> completion.complete(task.getId(), "engineer2", "wrong", SignatureMeaning.APPROVED,
				Map.of(DESIGN_FROZEN.name(), true)))
			.isInstanceOf(InvalidInput.class)
			.satisfies(e -> assertThat(((InvalidInput) e).field()).isEqualTo("password"));

		assertThat(tasks.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isNull();
		assertThat(signaturesOn(product, DESIGN_FREEZE_SIGN_OFF)).isEmpty();
	}

	@Test
	void fiveWrongPasswordsLockSigning() {
		String user = aUser(Role.ENGINEER);
		Product product = lifecycles.aProduct(false);
		Task task = designFreezeTask(product);
		for (int attempt = 1; attempt <= 4; attempt++) {
			assertThatThrownBy(
					() -> completion.complete(task.getId(), user, "wrong", SignatureMeaning.APPROVED, Map.of()))
				.hasMessageContaining("of 5 attempts");
		}
		assertThatThrownBy(() -> completion.complete(task.getId(), user, "wrong", SignatureMeaning.APPROVED, Map.of()))
			.hasMessageContaining("locked");

		assertThatThrownBy(() -> completion.complete(task.getId(), user, "demo", SignatureMeaning.APPROVED,
				Map.of(DESIGN_FROZEN.name(), true)))
			.hasMessageContaining("signing is locked");
		assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).isOne();
	}

	@Test
	void aRoleWithoutTheTaskCannotSignIt() {
		Product product = lifecycles.aProduct(false);
		Task task = designFreezeTask(product);
		assertThatThrownBy(() -> completion.complete(task.getId(), "quality", "demo", SignatureMeaning.APPROVED,
				Map.of(DESIGN_FROZEN.name(), true)))
			.hasMessageContaining("ENGINEER");
	}

	Product atGateReview(String designSigner) {
		Product product = lifecycles.aProductReadyForGate2(false);
		lifecycles.passGate1(product);
		lifecycles.complete(product, DESIGN_FREEZE_SIGN_OFF, designSigner, Map.of(DESIGN_FROZEN.name(), true));
		lifecycles.complete(product, INSPECTION_STANDARD_APPROVAL, "quality",
				Map.of(INSPECTION_STANDARD_APPROVED.name(), true, MATERIAL_CONFIRMED.name(), true,
						SURFACE_FINISH_CONFIRMED.name(), true));
		lifecycles.complete(product, SUPPLIER_QUALIFICATION, "supplier", Map.of(SUPPLIER_APPROVED.name(), true));
		return product;
	}

	@Test
	void whoeverSignedAReadinessTaskCannotSignTheGateReview() {
		String engineerAndGatekeeper = aUser(Role.ENGINEER, Role.GATEKEEPER);
		Product product = atGateReview(engineerAndGatekeeper);
		Task review = lifecycles.task(product, GATE_REVIEW);
		Map<String, Object> go = Map.of(GATE_DECISION.name(), "GO_MASS_PRODUCTION");

		assertThatThrownBy(
				() -> completion.complete(review.getId(), engineerAndGatekeeper, "demo", SignatureMeaning.APPROVED, go))
			.isInstanceOf(FourEyesViolation.class)
			.hasMessageContaining("four-eyes");
		assertThat(auditSearch.page(new io.scalegate.audit.AuditQuery(engineerAndGatekeeper,
				java.util.Set.of(io.scalegate.base.AuditAction.SIGNATURE_REFUSED), null, review.getId(), null, null,
				null), 0, 5))
			.as("the refusal is in the trail although its transaction rolled back")
			.singleElement()
			.satisfies(entry -> assertThat(entry.details()).contains("four-eyes"));

		// the engine refuses too, whatever the path: here straight through the
		// TaskService, from outside ScaleGate's steps and from inside one
		identity.setAuthentication(engineerAndGatekeeper, List.of("ENGINEER", "GATEKEEPER"));
		try {
			assertThatThrownBy(() -> tasks.complete(review.getId(), go))
				.isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);
			assertThatThrownBy(() -> ScaleGateStep.run(() -> tasks.complete(review.getId(), go)))
				.hasRootCauseInstanceOf(RefusedCompletion.class)
				.rootCause()
				.hasMessageContaining("four-eyes");
		}
		finally {
			identity.clearAuthentication();
		}
		assertThat(tasks.createTaskQuery().taskId(review.getId()).count()).isOne();

		completion.complete(review.getId(), "gatekeeper", "demo", SignatureMeaning.APPROVED, go);
		assertThat(tasks.createTaskQuery().taskId(review.getId()).count()).isZero();
	}

	@Test
	void theJavaApiCompletesNoLifecycleTaskWithoutASignature() {
		Product product = lifecycles.aProduct(false);
		Task task = designFreezeTask(product);
		String instance = task.getProcessInstanceId();

		identity.setAuthentication("engineer", List.of("ENGINEER"));
		try {
			assertThatThrownBy(() -> tasks.complete(task.getId(), Map.of(DESIGN_FROZEN.name(), true)))
				.hasMessageContaining("signature");
		}
		finally {
			identity.clearAuthentication();
		}

		assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).isOne();
		assertThat(runtime.getVariable(instance, DESIGN_FROZEN.name())).as("unchanged: false since small batch began")
			.isEqualTo(false);
		assertThat(auditSearch.page(new io.scalegate.audit.AuditQuery("engineer",
				java.util.Set.of(io.scalegate.base.AuditAction.COMPLETION_REFUSED), null, task.getId(), null, null,
				null), 0, 5))
			.as("the refused completion is in the trail")
			.singleElement()
			.satisfies(entry -> assertThat(entry.details()).contains(product.partNumber()));

		completion.complete(task.getId(), "engineer", "demo", SignatureMeaning.APPROVED,
				Map.of(DESIGN_FROZEN.name(), true));
		assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).isZero();
		assertThat(runtime.getVariable(instance, DESIGN_FROZEN.name())).isEqualTo(true);
	}

	@Test
	void whoeverCompletedAReadinessTaskUnclaimedCannotSignTheGateReview() {
		String engineerAndGatekeeper = aUser(Role.ENGINEER, Role.GATEKEEPER);
		Product product = lifecycles.aProductReadyForGate2(false);
		lifecycles.passGate1(product);
		Task freeze = lifecycles.task(product, DESIGN_FREEZE_SIGN_OFF);
		// completed without claiming it first, the way engine-rest and Tasklist offered
		identity.setAuthentication(engineerAndGatekeeper, List.of("ENGINEER", "GATEKEEPER"));
		try {
			tasks.complete(freeze.getId(), Map.of(DESIGN_FROZEN.name(), true));
		}
		catch (RuntimeException refused) {
			// the engine refuses a completion without a signature: sign it as in the UI
		}
		finally {
			identity.clearAuthentication();
		}
		if (tasks.createTaskQuery().taskId(freeze.getId()).count() == 1) {
			completion.complete(freeze.getId(), engineerAndGatekeeper, "demo", SignatureMeaning.APPROVED,
					Map.of(DESIGN_FROZEN.name(), true));
		}
		lifecycles.sign(product, INSPECTION_STANDARD_APPROVAL, "quality", Map.of(INSPECTION_STANDARD_APPROVED.name(),
				true, MATERIAL_CONFIRMED.name(), true, SURFACE_FINISH_CONFIRMED.name(), true));
		lifecycles.sign(product, SUPPLIER_QUALIFICATION, "supplier", Map.of(SUPPLIER_APPROVED.name(), true));
		Task review = lifecycles.task(product, GATE_REVIEW);

		assertThatThrownBy(() -> completion.complete(review.getId(), engineerAndGatekeeper, "demo",
				SignatureMeaning.APPROVED, Map.of(GATE_DECISION.name(), "GO_MASS_PRODUCTION")))
			.isInstanceOf(FourEyesViolation.class);
		assertThat(tasks.createTaskQuery().taskId(review.getId()).count()).isOne();
	}

	@Autowired
	org.springframework.transaction.support.TransactionTemplate transaction;

	Signature signatureBy(String username, Task task, Product product) {
		return new Signature(null, task.getId(), task.getTaskDefinitionKey(), task.getName(),
				task.getProcessInstanceId(), product.partNumber(), username, "Test " + username,
				SignatureMeaning.APPROVED, java.time.Instant.now(), io.scalegate.base.Sha256.hex("{}"), "{}", null,
				false);
	}

	@Test
	void evenScaleGatesOwnCodeCompletesNoTaskWithoutTheCompletersSignatureFromTheSameTransaction() {
		Product product = lifecycles.aProduct(false);
		Task task = designFreezeTask(product);
		Map<String, Object> frozen = Map.of(DESIGN_FROZEN.name(), true);
		identity.setAuthentication("engineer", List.of("ENGINEER"));
		try {
			// no signature at all
			assertThatThrownBy(() -> ScaleGateStep.run(() -> tasks.complete(task.getId(), frozen)))
				.hasRootCauseInstanceOf(RefusedCompletion.class);
			// a signature by someone else in the same transaction
			assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
				SignaturesInTransaction.add(signatures.save(signatureBy("engineer2", task, product)));
				ScaleGateStep.run(() -> tasks.complete(task.getId(), frozen));
			})).hasRootCauseInstanceOf(RefusedCompletion.class);
			// a signature row from another transaction
			Signature earlier = signatures.save(signatureBy("engineer", task, product));
			try {
				assertThatThrownBy(() -> transaction
					.executeWithoutResult(status -> ScaleGateStep.run(() -> tasks.complete(task.getId(), frozen))))
					.hasRootCauseInstanceOf(RefusedCompletion.class);
			}
			finally {
				signatures.delete(earlier);
			}
		}
		finally {
			identity.clearAuthentication();
		}

		assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).isOne();
		assertThat(runtime.getVariable(task.getProcessInstanceId(), DESIGN_FROZEN.name()))
			.as("unchanged: false since small batch began")
			.isEqualTo(false);
		assertThat(signatures.findByPartNumberOrderBySignedAtAsc(product.partNumber())).extracting(Signature::taskKey)
			.containsExactly(PROTOTYPE_REVIEW);
		assertThat(auditSearch.page(new io.scalegate.audit.AuditQuery("engineer",
				java.util.Set.of(io.scalegate.base.AuditAction.COMPLETION_REFUSED), null, task.getId(), null, null,
				null), 0, 5))
			.as("each refused completion is in the trail")
			.hasSize(3)
			.allSatisfy(entry -> assertThat(entry.details()).contains("signature"));
	}

	@Test
	void aReadinessCompletionKnownOnlyFromTheEnginesHistoryCountsForFourEyes() {
		String engineerAndGatekeeper = aUser(Role.ENGINEER, Role.GATEKEEPER);
		Product product = lifecycles.aProductReadyForGate2(false);
		lifecycles.passGate1(product);
		Task freeze = lifecycles.task(product, DESIGN_FREEZE_SIGN_OFF);
		// as completed before every completion was signed: unclaimed, no signature kept
		identity.setAuthentication(engineerAndGatekeeper, List.of("ENGINEER", "GATEKEEPER"));
		try {
			transaction.executeWithoutResult(status -> {
				Signature signature = signatures.save(signatureBy(engineerAndGatekeeper, freeze, product));
				SignaturesInTransaction.add(signature);
				ScaleGateStep.run(() -> tasks.complete(freeze.getId(), Map.of(DESIGN_FROZEN.name(), true)));
				signatures.delete(signature);
			});
		}
		finally {
			identity.clearAuthentication();
		}
		assertThat(history.createHistoricTaskInstanceQuery().taskId(freeze.getId()).singleResult().getAssignee())
			.isNull();
		assertThat(signatures.findByPartNumberOrderBySignedAtAsc(product.partNumber())).extracting(Signature::taskKey)
			.containsExactly(PROTOTYPE_REVIEW);
		lifecycles.sign(product, INSPECTION_STANDARD_APPROVAL, "quality", Map.of(INSPECTION_STANDARD_APPROVED.name(),
				true, MATERIAL_CONFIRMED.name(), true, SURFACE_FINISH_CONFIRMED.name(), true));
		lifecycles.sign(product, SUPPLIER_QUALIFICATION, "supplier", Map.of(SUPPLIER_APPROVED.name(), true));
		Task review = lifecycles.task(product, GATE_REVIEW);

		assertThatThrownBy(() -> completion.complete(review.getId(), engineerAndGatekeeper, "demo",
				SignatureMeaning.APPROVED, Map.of(GATE_DECISION.name(), "GO_MASS_PRODUCTION")))
			.isInstanceOf(FourEyesViolation.class);
	}

	@Autowired
	org.camunda.bpm.engine.HistoryService history;

	@Autowired
	EvidenceRecorder recorder;

	@Test
	void whoeverRecordedEvidenceCannotSignTheGateReview() {
		String recordingGatekeeper = aUser(Role.GATEKEEPER);
		Product product = atGateReview("engineer");
		recorder.record(product.partNumber(),
				new DesignChangeEntry("ECN-" + recordingGatekeeper, LocalDate.now().minusDays(200), "Radius added"),
				recordingGatekeeper);
		Task review = lifecycles.task(product, GATE_REVIEW);

		assertThatThrownBy(() -> completion.complete(review.getId(), recordingGatekeeper, "demo",
				SignatureMeaning.APPROVED, Map.of(GATE_DECISION.name(), "GO_MASS_PRODUCTION")))
			.isInstanceOf(FourEyesViolation.class)
			.hasMessageContaining("recorded evidence");
		assertThat(tasks.createTaskQuery().taskId(review.getId()).count()).isOne();
	}

	@Autowired
	io.scalegate.document.Documents documents;

	@Test
	void whoeverAttachedADocumentCannotSignTheGateReview() throws Exception {
		String filingGatekeeper = aUser(Role.GATEKEEPER);
		Product product = atGateReview("engineer");
		java.io.ByteArrayOutputStream pdf = new java.io.ByteArrayOutputStream();
		com.lowagie.text.Document document = new com.lowagie.text.Document();
		com.lowagie.text.pdf.PdfWriter.getInstance(document, pdf);
		document.open();
		document.add(new com.lowagie.text.Paragraph("Part submission warrant"));
		document.close();
		// the missing deliverable that would turn the recommendation, filed by the signer
		documents.attach(product.partNumber(), io.scalegate.document.DocumentKind.PPAP_SUBMISSION_WARRANT, "psw.pdf",
				pdf.toByteArray(), io.scalegate.document.DocumentLinks.none(), filingGatekeeper);
		Task review = lifecycles.task(product, GATE_REVIEW);

		assertThatThrownBy(() -> completion.complete(review.getId(), filingGatekeeper, "demo",
				SignatureMeaning.APPROVED, Map.of(GATE_DECISION.name(), "GO_MASS_PRODUCTION")))
			.isInstanceOf(FourEyesViolation.class)
			.hasMessageContaining("attached documents");
		assertThat(tasks.createTaskQuery().taskId(review.getId()).count()).isOne();
	}

	@Test
	void whenTwoPeopleCompleteTheSameTaskExactlyOneWins() throws Exception {
		Product product = lifecycles.aProduct(false);
		Task task = designFreezeTask(product);
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			Future<Object> first = pool.submit(racer(start, task, "engineer"));
			Future<Object> second = pool.submit(racer(start, task, "engineer2"));
			start.countDown();
			List<Object> outcomes = List.of(first.get(), second.get());
			assertThat(outcomes).filteredOn(Signature.class::isInstance).hasSize(1);
			assertThat(outcomes).filteredOn(TaskGone.class::isInstance)
				.hasSize(1)
				.allSatisfy(gone -> assertThat(((TaskGone) gone).getMessage()).contains("meanwhile"));
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(signaturesOn(product, DESIGN_FREEZE_SIGN_OFF)).hasSize(1);
		assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).isZero();
	}

	private Callable<Object> racer(CountDownLatch start, Task task, String user) {
		return () -> {
			start.await();
			try {
				return completion.complete(task.getId(), user, "demo", SignatureMeaning.APPROVED,
						Map.of(DESIGN_FROZEN.name(), true));
			}
			catch (InvalidInput refused) {
				return refused;
			}
		};
	}

}
