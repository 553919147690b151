package io.scalegate.task;

import static io.scalegate.gate.ProductLifecycle.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scalegate.ScaleGateTest;
import io.scalegate.Together;
import io.scalegate.audit.AuditQuery;
import io.scalegate.audit.AuditSearch;
import io.scalegate.base.AuditAction;
import io.scalegate.base.Conflict;
import io.scalegate.base.InvalidInput;
import io.scalegate.gate.process.Lifecycles;
import io.scalegate.product.Product;
import io.scalegate.security.Role;
import io.scalegate.security.UserAccount;
import io.scalegate.security.UserAccounts;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/**
 * Deputies in the running lifecycle: a deputy sees and signs an absent person's task
 * while the deputyship lasts, and only then; the signature and the trail say for whom;
 * four-eyes and the candidate groups hold for the deputy as for anyone.
 */
@ScaleGateTest
class DeputiesProcessTest {

	@Autowired
	Deputies deputies;

	@Autowired
	Deputyships deputyships;

	@Autowired
	Inbox inbox;

	@Autowired
	TaskCompletion completion;

	@Autowired
	Signatures signatures;

	@Autowired
	Lifecycles lifecycles;

	@Autowired
	TaskService tasks;

	@Autowired
	HistoryService history;

	@Autowired
	UserAccounts accounts;

	@Autowired
	AuditSearch audit;

	@Autowired
	Clock clock;

	static final Map<String, Object> FROZEN = Map.of(DESIGN_FROZEN.name(), true);

	UserAccount aUser(Role... roles) {
		String username = "dp-" + UUID.randomUUID().toString().substring(0, 8);
		accounts.save(username, "Person " + username, "demo", EnumSet.of(roles[0], roles));
		return accounts.find(username).orElseThrow();
	}

	LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
	}

	/**
	 * A product at its readiness tasks, design freeze (and inspection standard) held by
	 * {@code absent}.
	 */
	Product withTasksOf(UserAccount absent, String... taskKeys) {
		Product product = lifecycles.aProduct(false);
		lifecycles.passGate1(product);
		for (String key : taskKeys) {
			inbox.claim(absent, lifecycles.task(product, key).getId());
		}
		return product;
	}

	Deputyship name(UserAccount absent, UserAccount deputy, LocalDate first, LocalDate last) {
		return deputies.name(absent, new NewDeputyship(null, deputy.username(), first, last, "holiday"));
	}

	List<InboxTask> inboxOf(UserAccount user, InboxFilter.Scope scope) {
		return inbox.page(user, InboxFilter.of(scope), Inbox.Sort.CREATED, true, 0, 500);
	}

	boolean sees(UserAccount user, InboxFilter.Scope scope, Task task) {
		return inboxOf(user, scope).stream().anyMatch(t -> t.id().equals(task.getId()));
	}

	@Test
	void aDeputySignsAnAbsentPersonsTaskForThemAndTheRecordSaysSo() {
		UserAccount absent = aUser(Role.ENGINEER);
		UserAccount deputy = aUser(Role.ENGINEER);
		Product product = withTasksOf(absent, DESIGN_FREEZE_SIGN_OFF);
		Task task = lifecycles.task(product, DESIGN_FREEZE_SIGN_OFF);
		assertThat(sees(deputy, InboxFilter.Scope.MINE, task)).as("no deputyship yet").isFalse();

		Deputyship deputyship = name(absent, deputy, today(), today().plusDays(3));

		InboxTask shown = inboxOf(deputy, InboxFilter.Scope.MINE).stream()
			.filter(t -> t.id().equals(task.getId()))
			.findFirst()
			.orElseThrow();
		assertThat(shown.actingFor()).isEqualTo(absent.username());
		assertThat(shown.actingForName()).isEqualTo(absent.fullName());
		assertThat(inbox.count(deputy, InboxFilter.of(InboxFilter.Scope.MINE))).isEqualTo(1);
		assertThat(inboxOf(deputy, InboxFilter.Scope.MY_GROUPS))
			.anyMatch(t -> t.id().equals(task.getId()) && t.forAbsent());
		Task unclaimed = lifecycles.task(lifecycles.aProduct(false), PROTOTYPE_REVIEW);
		assertThat(inboxOf(deputy, InboxFilter.Scope.ALL)).as("mine, my groups' unclaimed and the absent person's")
			.anyMatch(t -> t.id().equals(task.getId()) && t.forAbsent())
			.anyMatch(t -> t.id().equals(unclaimed.getId()) && !t.forAbsent());
		assertThat(inboxOf(deputy, InboxFilter.Scope.MINE)).noneMatch(t -> t.id().equals(unclaimed.getId()));
		assertThat(inboxOf(absent, InboxFilter.Scope.MINE)).as("still the absent person's")
			.anyMatch(t -> t.id().equals(task.getId()) && !t.forAbsent());
		assertThat(inbox.get(deputy, task.getId()).actingFor()).isEqualTo(absent.username());
		assertThat(tasks.createTaskQuery().taskId(task.getId()).singleResult().getAssignee())
			.as("the task stays with the absent person")
			.isEqualTo(absent.username());

		Signature signature = completion.complete(task.getId(), deputy.username(), "demo", SignatureMeaning.APPROVED,
				FROZEN);

		assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).isZero();
		Signature stored = signatures.findById(signature.id()).orElseThrow();
		assertThat(stored.username()).isEqualTo(deputy.username());
		assertThat(stored.printedName()).isEqualTo(deputy.fullName());
		assertThat(stored.actingFor()).isEqualTo(absent.username());
		assertThat(stored.signer())
			.isEqualTo(deputy.fullName() + " (" + deputy.username() + ") for " + absent.username());
		assertThat(completion.signaturesOf(product.partNumber()))
			.anyMatch(s -> s.id().equals(signature.id()) && absent.username().equals(s.actingFor()));
		assertThat(audit.page(new AuditQuery(deputy.username(), Set.of(AuditAction.SIGNATURE_GIVEN), null, task.getId(),
				null, null, null), 0, 5))
			.singleElement()
			.satisfies(entry -> assertThat(entry.details()).contains("\"actingFor\":\"" + absent.username() + "\""));
		assertThat(audit.page(new AuditQuery(absent.username(), Set.of(AuditAction.DEPUTY_NAMED), null,
				absent.username(), null, null, null), 0, 5))
			.singleElement()
			.satisfies(entry -> assertThat(entry.details()).contains(deputy.username())
				.contains(String.valueOf(deputyship.id())));
		// the engine's own record: completed by the deputy, the task still the absent
		// person's
		assertThat(history.createHistoricTaskInstanceQuery().taskId(task.getId()).singleResult().getAssignee())
			.isEqualTo(absent.username());
		assertThat(history.createUserOperationLogQuery().taskId(task.getId()).operationType("Complete").list())
			.extracting(e -> e.getUserId())
			.containsOnly(deputy.username());
	}

	@Test
	void notYetStartedTheDeputyNeitherSeesNorSigns() {
		UserAccount absent = aUser(Role.ENGINEER);
		UserAccount deputy = aUser(Role.ENGINEER);
		Product product = withTasksOf(absent, DESIGN_FREEZE_SIGN_OFF);
		Task task = lifecycles.task(product, DESIGN_FREEZE_SIGN_OFF);
		name(absent, deputy, today().plusDays(1), today().plusDays(5));

		assertRefused(deputy, task);
	}

	@Test
	void expiredTheDeputyNeitherSeesNorSigns() {
		UserAccount absent = aUser(Role.ENGINEER);
		UserAccount deputy = aUser(Role.ENGINEER);
		Product product = withTasksOf(absent, DESIGN_FREEZE_SIGN_OFF);
		Task task = lifecycles.task(product, DESIGN_FREEZE_SIGN_OFF);
		// named earlier, its last day was yesterday (one cannot name one wholly in the
		// past)
		deputyships.save(new Deputyship(null, absent.username(), deputy.username(), today().minusDays(5),
				today().minusDays(1), "holiday", absent.username(), clock.instant(), null, null));

		assertRefused(deputy, task);
	}

	@Test
	void endedEarlyTheDeputyNeitherSeesNorSignsAnyMore() {
		UserAccount absent = aUser(Role.ENGINEER);
		UserAccount deputy = aUser(Role.ENGINEER);
		Product product = withTasksOf(absent, DESIGN_FREEZE_SIGN_OFF);
		Task task = lifecycles.task(product, DESIGN_FREEZE_SIGN_OFF);
		Deputyship deputyship = name(absent, deputy, today(), today().plusDays(5));
		assertThat(sees(deputy, InboxFilter.Scope.MINE, task)).isTrue();

		Deputyship ended = deputies.end(absent, deputyship.id());

		assertThat(ended.endedBy()).isEqualTo(absent.username());
		assertThat(ended.overAt(clock.instant())).isTrue();
		assertRefused(deputy, task);
		assertThatThrownBy(() -> deputies.end(absent, deputyship.id())).isInstanceOf(Conflict.class)
			.hasMessageContaining("already over");
		assertThat(audit.page(new AuditQuery(absent.username(), Set.of(AuditAction.DEPUTY_ENDED), null,
				absent.username(), null, null, null), 0, 5))
			.singleElement();
	}

	void assertRefused(UserAccount deputy, Task task) {
		for (InboxFilter.Scope scope : InboxFilter.Scope.values()) {
			assertThat(inboxOf(deputy, scope)).noneMatch(t -> t.id().equals(task.getId()) && t.forAbsent());
		}
		assertThat(sees(deputy, InboxFilter.Scope.MINE, task)).isFalse();
		assertThatThrownBy(
				() -> completion.complete(task.getId(), deputy.username(), "demo", SignatureMeaning.APPROVED, FROZEN))
			.isInstanceOf(TaskGone.class)
			.hasMessageContaining("nothing was saved");
		assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).isOne();
		assertThat(signatures.findByProcessInstanceIdAndTaskKeyIn(task.getProcessInstanceId(),
				List.of(DESIGN_FREEZE_SIGN_OFF)))
			.isEmpty();
	}

	@Test
	void anEngineerDeputyOfAQualityEngineerNeitherSeesNorSignsItsQualityTask() {
		UserAccount absent = aUser(Role.QUALITY, Role.ENGINEER);
		UserAccount deputy = aUser(Role.ENGINEER);
		Product product = withTasksOf(absent, DESIGN_FREEZE_SIGN_OFF, INSPECTION_STANDARD_APPROVAL);
		Task design = lifecycles.task(product, DESIGN_FREEZE_SIGN_OFF);
		Task inspection = lifecycles.task(product, INSPECTION_STANDARD_APPROVAL);
		name(absent, deputy, today(), today().plusDays(1));

		for (InboxFilter.Scope scope : InboxFilter.Scope.values()) {
			assertThat(inboxOf(deputy, scope)).noneMatch(t -> t.id().equals(inspection.getId()));
		}
		assertThat(sees(deputy, InboxFilter.Scope.MINE, design)).isTrue();
		assertThatThrownBy(() -> inbox.get(deputy, inspection.getId())).hasMessageContaining("QUALITY");
		assertThatThrownBy(
				() -> completion.complete(inspection.getId(), deputy.username(), "demo", SignatureMeaning.APPROVED,
						Map.of(INSPECTION_STANDARD_APPROVED.name(), true, MATERIAL_CONFIRMED.name(), true,
								SURFACE_FINISH_CONFIRMED.name(), true)))
			.isInstanceOf(InvalidInput.class)
			.hasMessageContaining("QUALITY");
		assertThat(tasks.createTaskQuery().taskId(inspection.getId()).count()).isOne();
	}

	@Test
	void aDeputysOwnDeputyDoesNotInheritTheFirstPersonsTasks() {
		UserAccount absent = aUser(Role.ENGINEER);
		UserAccount deputy = aUser(Role.ENGINEER);
		UserAccount deputysDeputy = aUser(Role.ENGINEER);
		Product product = withTasksOf(absent, DESIGN_FREEZE_SIGN_OFF);
		Task task = lifecycles.task(product, DESIGN_FREEZE_SIGN_OFF);
		name(absent, deputy, today().plusDays(2), today().plusDays(4));
		name(deputy, deputysDeputy, today(), today().plusDays(1));

		assertRefused(deputysDeputy, task);
	}

	@Test
	void aDeputyWhoSignedAReadinessTaskCannotSignTheGateReviewForTheAbsentGatekeeper() {
		UserAccount absent = aUser(Role.GATEKEEPER);
		UserAccount deputy = aUser(Role.GATEKEEPER, Role.ENGINEER);
		Product product = lifecycles.aProductReadyForGate2(false);
		lifecycles.passGate1(product);
		lifecycles.complete(product, DESIGN_FREEZE_SIGN_OFF, deputy.username(), FROZEN);
		lifecycles.complete(product, INSPECTION_STANDARD_APPROVAL, "quality",
				Map.of(INSPECTION_STANDARD_APPROVED.name(), true, MATERIAL_CONFIRMED.name(), true,
						SURFACE_FINISH_CONFIRMED.name(), true));
		lifecycles.complete(product, SUPPLIER_QUALIFICATION, "supplier", Map.of(SUPPLIER_APPROVED.name(), true));
		Task review = lifecycles.task(product, GATE_REVIEW);
		inbox.claim(absent, review.getId());
		name(absent, deputy, today(), today().plusDays(1));
		assertThat(inbox.get(deputy, review.getId()).actingFor()).isEqualTo(absent.username());

		assertThatThrownBy(() -> completion.complete(review.getId(), deputy.username(), "demo",
				SignatureMeaning.APPROVED, Map.of(GATE_DECISION.name(), "GO_MASS_PRODUCTION")))
			.isInstanceOf(FourEyesViolation.class)
			.hasMessageContaining(deputy.username())
			.hasMessageContaining("four-eyes");
		assertThat(tasks.createTaskQuery().taskId(review.getId()).singleResult().getAssignee())
			.isEqualTo(absent.username());
		assertThat(signatures.findByProcessInstanceIdAndTaskKeyIn(review.getProcessInstanceId(), List.of(GATE_REVIEW)))
			.isEmpty();
	}

	@Test
	void onlyAnAdministratorNamesADeputyForSomeoneElse() {
		UserAccount absent = aUser(Role.ENGINEER);
		UserAccount colleague = aUser(Role.ENGINEER);
		UserAccount deputy = aUser(Role.ENGINEER);
		NewDeputyship forAbsent = new NewDeputyship(absent.username(), deputy.username(), today(), today(), "sick");

		assertThatThrownBy(() -> deputies.name(colleague, forAbsent)).isInstanceOf(AccessDeniedException.class);
		assertThat(deputies.visibleTo(absent, null)).isEmpty();

		UserAccount admin = accounts.find("admin").orElseThrow();
		Deputyship named = deputies.name(admin, forAbsent);
		assertThat(named.namedBy()).isEqualTo("admin");
		assertThat(deputies.visibleTo(absent, null)).extracting(Deputyship::id).containsExactly(named.id());
		assertThat(deputies.visibleTo(colleague, null)).isEmpty();
		assertThatThrownBy(() -> deputies.end(colleague, named.id())).isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> deputies.end(deputy, named.id())).isInstanceOf(AccessDeniedException.class);
	}

	@Test
	void whenTheAbsentPersonAndTheDeputySignAtOnceExactlyOneWins() throws Exception {
		UserAccount absent = aUser(Role.ENGINEER);
		UserAccount deputy = aUser(Role.ENGINEER);
		Product product = withTasksOf(absent, DESIGN_FREEZE_SIGN_OFF);
		Task task = lifecycles.task(product, DESIGN_FREEZE_SIGN_OFF);
		name(absent, deputy, today(), today());

		List<Object> outcomes = Together.run(List.of(
				() -> completion.complete(task.getId(), absent.username(), "demo", SignatureMeaning.APPROVED, FROZEN),
				() -> completion.complete(task.getId(), deputy.username(), "demo", SignatureMeaning.APPROVED, FROZEN)));

		assertThat(outcomes).as(outcomes.toString()).filteredOn(Signature.class::isInstance).hasSize(1);
		assertThat(outcomes).as(outcomes.toString()).filteredOn(TaskGone.class::isInstance).hasSize(1);
		assertThat(signatures.findByProcessInstanceIdAndTaskKeyIn(task.getProcessInstanceId(),
				List.of(DESIGN_FREEZE_SIGN_OFF)))
			.hasSize(1);
	}

	@Test
	void whenTwoEndTheSameDeputyshipAtOnceOneEndsItTheOtherIsToldSo() throws Exception {
		UserAccount absent = aUser(Role.ENGINEER);
		UserAccount deputy = aUser(Role.ENGINEER);
		Deputyship deputyship = name(absent, deputy, today(), today().plusDays(2));
		UserAccount admin = accounts.find("admin").orElseThrow();

		List<Object> outcomes = Together
			.run(List.of(() -> deputies.end(absent, deputyship.id()), () -> deputies.end(admin, deputyship.id())));

		assertThat(outcomes).filteredOn(Deputyship.class::isInstance).hasSize(1);
		assertThat(outcomes).filteredOn(Conflict.class::isInstance).hasSize(1);
		assertThat(audit.page(
				new AuditQuery(null, Set.of(AuditAction.DEPUTY_ENDED), null, absent.username(), null, null, null), 0,
				5))
			.hasSize(1);
	}

	@Test
	void theDeputyshipLastsFromTheFirstMidnightToTheMidnightAfterTheLastDay() {
		LocalDate first = LocalDate.of(2026, 12, 24);
		Deputyship d = new Deputyship(1L, "a", "b", first, first.plusDays(2), "holiday", "a", Instant.EPOCH, null,
				null);
		Instant start = Instant.parse("2026-12-24T00:00:00Z");
		Instant end = Instant.parse("2026-12-27T00:00:00Z");
		assertThat(d.lastsAt(start.minusMillis(1))).isFalse();
		assertThat(d.lastsAt(start)).isTrue();
		assertThat(d.lastsAt(end.minusMillis(1))).isTrue();
		assertThat(d.lastsAt(end)).isFalse();
		assertThat(d.state(start.minusMillis(1))).isEqualTo("planned");
		assertThat(d.state(end)).isEqualTo("over");
		Instant endedAt = Instant.parse("2026-12-25T10:00:00Z");
		Deputyship ended = new Deputyship(1L, "a", "b", first, first.plusDays(2), "holiday", "a", Instant.EPOCH, "a",
				endedAt);
		assertThat(ended.lastsAt(endedAt.minusMillis(1))).isTrue();
		assertThat(ended.lastsAt(endedAt)).isFalse();
		assertThat(ended.state(endedAt)).isEqualTo("ended early");
		assertThat(d.state(start)).isEqualTo("active");
		Deputyship cancelled = new Deputyship(1L, "a", "b", first, first.plusDays(2), "holiday", "a", Instant.EPOCH,
				"a", start.minusSeconds(60));
		assertThat(cancelled.state(start)).isEqualTo("cancelled");
	}

}
