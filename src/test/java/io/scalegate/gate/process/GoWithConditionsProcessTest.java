package io.scalegate.gate.process;

import static io.scalegate.gate.ProductLifecycle.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import io.scalegate.ScaleGateTest;
import io.scalegate.audit.AuditQuery;
import io.scalegate.audit.AuditSearch;
import io.scalegate.base.AuditAction;
import io.scalegate.base.InvalidInput;
import io.scalegate.condition.GateCondition;
import io.scalegate.condition.GateConditions;
import io.scalegate.product.Product;
import io.scalegate.product.ProductService;
import io.scalegate.product.Stage;
import io.scalegate.task.SignatureMeaning;
import io.scalegate.task.TaskCompletion;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A Go with conditions through the real engine: the conditions raised, the product in
 * mass production and conditional, a task per condition for its owner, an overdue one
 * escalated to the gatekeeper, the mark cleared with the last one closed; and the
 * refusals that keep nothing.
 */
@ScaleGateTest
class GoWithConditionsProcessTest {

	@Autowired
	ProcessEngine engine;

	@Autowired
	Lifecycles lifecycles;

	@Autowired
	ProductService products;

	@Autowired
	RuntimeService runtime;

	@Autowired
	TaskService tasks;

	@Autowired
	ManagementService management;

	@Autowired
	GateConditions conditions;

	@Autowired
	TaskCompletion completion;

	@Autowired
	AuditSearch audit;

	@BeforeEach
	void bindAssertionsToEngine() {
		init(engine);
	}

	private Product atGate2() {
		Product product = lifecycles.aProductReadyForGate2(false);
		lifecycles.passGate1(product);
		lifecycles.signAllReadiness(product);
		assertThat(lifecycles.instance(product)).isWaitingAt(GATE_REVIEW);
		return product;
	}

	@Test
	void entersMassProductionConditionalAndFollowsUpEachConditionUntilTheLastIsClosed() {
		Product product = atGate2();
		ProcessInstance instance = lifecycles.instance(product);

		lifecycles.decideGoWithConditions(product, null,
				List.of(lifecycles.condition("PPAP level 3 approved by the customer", "quality", 14),
						lifecycles.condition("Second source for the resin qualified", "supplier", 30)));

		assertThat(products.get(product.partNumber()).stage()).isEqualTo(Stage.MASS_PRODUCTION);
		assertThat(conditions.conditional(product.partNumber())).isTrue();
		assertThat(conditions.conditional(Set.of(product.partNumber(), "NO-SUCH")))
			.containsExactly(product.partNumber());
		List<GateCondition> raised = conditions.ofProduct(product.partNumber());
		assertThat(raised).extracting(GateCondition::owner).containsExactly("quality", "supplier");
		assertThat(raised).allSatisfy(c -> {
			assertThat(c.open()).isTrue();
			assertThat(c.raisedBy()).isEqualTo("gatekeeper");
			assertThat(c.gateDecision()).isEqualTo("GO_WITH_CONDITIONS");
			assertThat(c.processInstanceId()).isEqualTo(instance.getId());
		});
		assertThat(overridden(instance)).isFalse();

		List<Task> open = conditionTasks(product);
		assertThat(open).extracting(Task::getAssignee).containsExactlyInAnyOrder("quality", "supplier");
		Task qualitys = open.stream().filter(t -> t.getAssignee().equals("quality")).findFirst().orElseThrow();
		assertThat(qualitys.getDueDate().toInstant())
			.isEqualTo(LocalDate.now().plusDays(15).atStartOfDay(ZoneOffset.UTC).toInstant().minusMillis(1));
		// the inbox and the notifications show the due day itself
		assertThat(qualitys.getDueDate().toInstant().atZone(ZoneOffset.UTC).toLocalDate())
			.isEqualTo(LocalDate.now().plusDays(14));
		assertThat(tasks.getIdentityLinksForTask(qualitys.getId())).extracting(IdentityLink::getGroupId)
			.doesNotContain("GATEKEEPER");
		assertThat(engine.getFormService().getTaskFormData(qualitys.getId()).getCamundaFormRef().getKey())
			.isEqualTo(CLOSE_GATE_CONDITION);
		assertThat(tasks.getVariables(qualitys.getId())).as("every variable reads back, as the task page loads them")
			.containsEntry(CONDITION_TEXT.name(), "PPAP level 3 approved by the customer")
			.containsEntry(CONDITION_OWNER.name(), "quality")
			.containsEntry(GATE_CONDITION_IDS,
					List.of(String.valueOf(raised.get(0).id()), String.valueOf(raised.get(1).id())))
			.hasEntrySatisfying(GATE_CONDITIONS,
					written -> assertThat(written).isEqualTo(List.of(
							Map.of(CONDITION_TEXT_FIELD, "PPAP level 3 approved by the customer", CONDITION_OWNER_FIELD,
									"quality", CONDITION_DUE_FIELD, LocalDate.now().plusDays(14).toString()),
							Map.of(CONDITION_TEXT_FIELD, "Second source for the resin qualified", CONDITION_OWNER_FIELD,
									"supplier", CONDITION_DUE_FIELD, LocalDate.now().plusDays(30).toString()))));

		close(qualitys, "quality", "The customer approved PPAP on 12 March.");

		assertThat(conditions.conditional(product.partNumber())).isTrue();
		GateCondition closed = conditions.get(raised.get(0).id());
		assertThat(closed.open()).isFalse();
		assertThat(closed.closedBy()).isEqualTo("quality");
		assertThat(closed.closingNote()).isEqualTo("The customer approved PPAP on 12 March.");
		assertThat(conditionTasks(product)).extracting(Task::getAssignee).containsExactly("supplier");
		assertThat(instance).isNotEnded();

		close(conditionTasks(product).get(0), "supplier", "Resin from the second source passed.");

		assertThat(conditions.conditional(product.partNumber())).isFalse();
		assertThat(instance).isEnded().hasPassed("endEvent_conditionsClosed");
		assertThat(actions(product)).contains(AuditAction.GATE_DECIDED, AuditAction.CONDITION_RAISED,
				AuditAction.CONDITION_CLOSED, AuditAction.CONDITIONS_CLEARED);
	}

	@Test
	void anOverdueConditionEscalatesToTheGatekeeperAndStaysOpen() {
		Product product = atGate2();
		lifecycles.decideGoWithConditions(product, null,
				List.of(lifecycles.condition("Gauge R&R below 10 %", "quality", 0)));
		Task task = conditionTasks(product).get(0);
		assertThat(task.getPriority()).isLessThan(OverdueTaskDelegate.ESCALATED_PRIORITY);

		Job overdue = management.createJobQuery()
			.processInstanceId(task.getProcessInstanceId())
			.activityId("timer_gateConditionOverdue")
			.singleResult();
		// at the end of the due day
		assertThat(overdue.getDuedate().toInstant())
			.isEqualTo(LocalDate.now().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusMillis(1));
		management.executeJob(overdue.getId());

		Task escalated = conditionTasks(product).get(0);
		assertThat(escalated.getId()).isEqualTo(task.getId());
		assertThat(escalated.getAssignee()).isEqualTo("quality");
		assertThat(escalated.getPriority()).isEqualTo(OverdueTaskDelegate.ESCALATED_PRIORITY);
		assertThat(tasks.getIdentityLinksForTask(task.getId())).anySatisfy(link -> {
			assertThat(link.getGroupId()).isEqualTo("GATEKEEPER");
			assertThat(link.getType()).isEqualTo("candidate");
		});
		GateCondition condition = conditions.ofProduct(product.partNumber()).get(0);
		assertThat(condition.escalated()).isTrue();
		assertThat(condition.open()).isTrue();
		assertThat(conditions.conditional(product.partNumber())).isTrue();
		assertThat(actions(product)).contains(AuditAction.CONDITION_ESCALATED);

		close(escalated, "quality", "Gauge R&R 8 %.");
		assertThat(conditions.conditional(product.partNumber())).isFalse();
		assertThat(lifecycles.instance(product)).isNull();
	}

	@Test
	void refusesAGoWithConditionsWithoutAConditionAndKeepsNothing() {
		Product product = atGate2();
		assertRefused(product, List.of(), GATE_CONDITIONS);
	}

	@Test
	void refusesAnUnknownOwnerAndAPastDueDateNamingTheirFields() {
		Product product = atGate2();
		assertThatThrownBy(() -> lifecycles.decideGoWithConditions(product, null,
				List.of(lifecycles.condition("Fine", "quality", 3), lifecycles.condition("Who?", "nobody", 3),
						lifecycles.condition("Too late", "quality", -1))))
			.satisfies(e -> assertThat(invalidInput(e).problems()).extracting(InvalidInput.FieldProblem::field)
				.containsExactly("gateConditions[1].conditionOwner", "gateConditions[2].conditionDue"));
		assertNothingKept(product);
	}

	@Test
	void refusesAnOwnerWhoCouldNeverCloseItTheDecidingGatekeeperAndAHiddenCharacter() {
		Product product = atGate2();
		assertThatThrownBy(() -> lifecycles.decideGoWithConditions(product, null,
				List.of(lifecycles.condition("Audit the line", "auditor", 3),
						lifecycles.condition("Close it myself", "gatekeeper", 3),
						lifecycles.condition("Cpk study \u202egnissim\u202c done", "quality", 3))))
			.satisfies(e -> assertThat(invalidInput(e).problems())
				.extracting(InvalidInput.FieldProblem::field, InvalidInput.FieldProblem::message)
				.containsExactly(
						org.assertj.core.groups.Tuple.tuple("gateConditions[0].conditionOwner",
								"auditor cannot close a condition: the owner needs the Engineer, Quality, "
										+ "Supplier quality or Gatekeeper role"),
						org.assertj.core.groups.Tuple.tuple("gateConditions[1].conditionOwner",
								"the gatekeeper who decides cannot own a condition of the decision (four eyes): "
										+ "name another person"),
						org.assertj.core.groups.Tuple.tuple("gateConditions[2].conditionText",
								"contains an invisible formatting character (e.g. a right-to-left override); "
										+ "write it plainly")));
		assertNothingKept(product);
	}

	@Autowired
	io.scalegate.task.Inbox inbox;

	@Autowired
	io.scalegate.security.UserAccounts accounts;

	@Test
	void aConditionsTaskCannotBeGivenBackForNobodyCouldTakeIt() {
		Product product = atGate2();
		lifecycles.decideGoWithConditions(product, null, List.of(lifecycles.condition("Gauge R&R", "quality", 5)));
		Task task = conditionTasks(product).get(0);

		for (String who : List.of("quality", "admin")) {
			assertThatThrownBy(() -> inbox.unclaim(accounts.find(who).orElseThrow(), task.getId()))
				.isInstanceOf(InvalidInput.class)
				.hasMessageContaining("quality keeps it");
		}
		assertThat(tasks.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isEqualTo("quality");
	}

	@Test
	void refusesAConditionWithoutTextOrOwner() {
		Product product = atGate2();
		assertRefused(product, List.of(lifecycles.condition(" ", null, 3)), "gateConditions[0].conditionText");
	}

	@Test
	void refusesConditionsWithAnotherDecision() {
		Product product = atGate2();
		Map<String, Object> variables = new java.util.HashMap<>();
		variables.put(GATE_DECISION.name(), "GO_MASS_PRODUCTION");
		variables.put(GATE_CONDITIONS, List.of(lifecycles.condition("Not here", "quality", 3)));
		assertThatThrownBy(() -> lifecycles.complete(product, GATE_REVIEW, "gatekeeper", variables))
			.satisfies(e -> assertThat(invalidInput(e).field()).isEqualTo(GATE_CONDITIONS));
		assertNothingKept(product);
	}

	@Test
	void aGoWithConditionsAgainstAnotherRecommendationNeedsAReason() {
		Product product = lifecycles.aProduct(false);
		lifecycles.passGate1(product);
		lifecycles.signAllReadiness(product);
		assertThat(runtime.getVariable(lifecycles.instance(product).getId(), GATE_RECOMMENDATION.name()))
			.isNotEqualTo("GO_MASS_PRODUCTION");
		assertRefused(product, List.of(lifecycles.condition("Stable demand", "quality", 3)), OVERRIDE_REASON.name());

		lifecycles.decideGoWithConditions(product, "The customer commits to the volume in writing.",
				List.of(lifecycles.condition("Stable demand", "quality", 3)));
		assertThat(overridden(lifecycles.instance(product).getId())).isTrue();
		assertThat(conditions.conditional(product.partNumber())).isTrue();
	}

	private void assertRefused(Product product, List<Map<String, Object>> written, String field) {
		assertThatThrownBy(() -> lifecycles.decideGoWithConditions(product, null, written))
			.satisfies(e -> assertThat(invalidInput(e).field()).isEqualTo(field));
		assertNothingKept(product);
	}

	private void assertNothingKept(Product product) {
		ProcessInstance instance = lifecycles.instance(product);
		assertThat(instance).isWaitingAt(GATE_REVIEW);
		assertThat(products.get(product.partNumber()).stage()).isEqualTo(Stage.SMALL_BATCH);
		assertThat(runtime.getVariable(instance.getId(), GATE_DECISION.name())).isNull();
		assertThat(runtime.getVariable(instance.getId(), GATE_CONDITIONS)).isNull();
		assertThat(conditions.ofProduct(product.partNumber())).isEmpty();
		assertThat(completion.signaturesOf(product.partNumber())).noneMatch(s -> s.taskKey().equals(GATE_REVIEW));
	}

	private void close(Task task, String owner, String note) {
		completion.complete(task.getId(), owner, "demo", SignatureMeaning.APPROVED, Map.of(CLOSING_NOTE.name(), note));
	}

	private List<Task> conditionTasks(Product product) {
		return tasks.createTaskQuery()
			.processInstanceBusinessKey(product.partNumber())
			.taskDefinitionKey(CLOSE_GATE_CONDITION)
			.list();
	}

	private boolean overridden(ProcessInstance instance) {
		return overridden(instance.getId());
	}

	private boolean overridden(String instanceId) {
		return (Boolean) engine.getHistoryService()
			.createHistoricVariableInstanceQuery()
			.processInstanceId(instanceId)
			.variableName(GATE_OVERRIDDEN.name())
			.singleResult()
			.getValue();
	}

	private List<AuditAction> actions(Product product) {
		return audit
			.page(new AuditQuery(null, Set.of(), io.scalegate.base.AuditSubject.PRODUCT, product.partNumber(), null,
					null, null), 0, 100)
			.stream()
			.map(e -> e.action())
			.toList();
	}

	private static InvalidInput invalidInput(Throwable thrown) {
		for (Throwable t = thrown; t != null; t = t.getCause()) {
			if (t instanceof InvalidInput invalid) {
				return invalid;
			}
		}
		throw new AssertionError("no InvalidInput in " + thrown, thrown);
	}

}
