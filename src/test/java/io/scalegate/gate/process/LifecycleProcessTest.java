package io.scalegate.gate.process;

import static io.scalegate.gate.ProductLifecycle.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import io.scalegate.ScaleGateTest;
import io.scalegate.base.InvalidInput;
import io.scalegate.evidence.FeedbackRating;
import io.scalegate.product.Product;
import io.scalegate.product.ProductService;
import io.scalegate.product.Stage;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every path of productLifecycle, driven through the real engine, asserting stage, tasks
 * and history.
 */
@ScaleGateTest
class LifecycleProcessTest {

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
	HistoryService history;

	@Autowired
	ManagementService management;

	@BeforeEach
	void bindAssertionsToEngine() {
		init(engine);
	}

	@Test
	void registeringAProductStartsItsLifecycleInPrototype() {
		Product product = lifecycles.aProduct(false);

		ProcessInstance instance = lifecycles.instance(product);
		assertThat(instance).isWaitingAt(PROTOTYPE_REVIEW);
		assertThat(instance.getBusinessKey()).isEqualTo(product.partNumber());
		assertThat(runtime.getVariable(instance.getId(), STAGE.name())).isEqualTo("PROTOTYPE");
		assertThat(stage(product)).isEqualTo(Stage.PROTOTYPE);
		assertThat(history.createHistoricProcessInstanceQuery()
			.processInstanceId(instance.getId())
			.singleResult()
			.getStartUserId()).isEqualTo("engineer");
	}

	@Test
	void goesToMassProductionWhenEveryConditionHolds() {
		Product product = lifecycles.aProductReadyForGate2(false);
		ProcessInstance instance = lifecycles.instance(product);

		lifecycles.passGate1(product);
		assertThat(instance).isWaitingAt(DESIGN_FREEZE_SIGN_OFF, INSPECTION_STANDARD_APPROVAL, SUPPLIER_QUALIFICATION);
		assertThat(stage(product)).isEqualTo(Stage.SMALL_BATCH);
		lifecycles.signAllReadiness(product);

		assertThat(instance).isWaitingAt(GATE_REVIEW);
		assertThat(runtime.getVariable(instance.getId(), GATE_RECOMMENDATION.name())).isEqualTo("GO_MASS_PRODUCTION");
		assertThat(reasons(instance)).isEmpty();
		lifecycles.decideGate(product, "GO_MASS_PRODUCTION", null);

		assertThat(instance).isEnded().hasPassed("endEvent_massProduction");
		assertThat(stage(product)).isEqualTo(Stage.MASS_PRODUCTION);
		assertThat(stageHistory(instance)).containsExactly("PROTOTYPE", "SMALL_BATCH", "MASS_PRODUCTION");
		assertThat(history.createHistoricTaskInstanceQuery()
			.processInstanceId(instance.getId())
			.taskDefinitionKey(GATE_REVIEW)
			.singleResult()
			.getAssignee()).isEqualTo("gatekeeper");
		assertThat(overridden(instance)).isFalse();
	}

	@Test
	void staysInSmallBatchWhenDemandIsVolatile() {
		Product product = lifecycles.aProduct(false);
		lifecycles.volatileDemand(product, 12);
		lifecycles.qualifiedSupplier(product);
		lifecycles.toolingThatPaysBack(product, LocalDate.now().minusDays(1));
		lifecycles.feedback(product, FeedbackRating.POSITIVE);
		ProcessInstance instance = lifecycles.instance(product);
		lifecycles.passGate1(product);
		lifecycles.signAllReadiness(product);

		assertThat(runtime.getVariable(instance.getId(), GATE_RECOMMENDATION.name())).isEqualTo("STAY_SMALL_BATCH");
		assertThat(reasons(instance)).containsExactly("DEMAND_NOT_STABLE");
		assertThat((Double) runtime.getVariable(instance.getId(), DEMAND_CV.name())).isGreaterThan(0.5);
	}

	@Test
	void holdsThenGoesWhenNewEvidenceArrives() {
		Product product = lifecycles.aProduct(false);
		lifecycles.stableDemand(product, 12);
		lifecycles.qualifiedSupplier(product);
		lifecycles.feedback(product, FeedbackRating.POSITIVE);
		ProcessInstance instance = lifecycles.instance(product);
		lifecycles.passGate1(product);
		lifecycles.signAllReadiness(product);
		assertThat(reasons(instance)).containsExactly("TOOLING_NOT_JUSTIFIED");
		lifecycles.decideGate(product, "STAY_SMALL_BATCH", null);
		assertThat(instance).isWaitingAt(HOLD_GATEWAY);
		assertThat(stage(product)).isEqualTo(Stage.SMALL_BATCH);

		// recording evidence sends the held lifecycle the "new evidence" message; every
		// sign-off still holds, so the readiness check goes straight to the gate again
		lifecycles.toolingThatPaysBack(product, LocalDate.now().minusDays(1));

		assertThat(instance).isWaitingAt(GATE_REVIEW);
		assertThat(runtime.getVariable(instance.getId(), GATE_RECOMMENDATION.name())).isEqualTo("GO_MASS_PRODUCTION");
		lifecycles.decideGate(product, "GO_MASS_PRODUCTION", null);
		assertThat(instance).isEnded().hasPassed("messageCatch_newEvidence", "endEvent_massProduction");
		assertThat(history.createHistoricActivityInstanceQuery()
			.processInstanceId(instance.getId())
			.activityId(GATE_REVIEW)
			.count()).isEqualTo(2);
	}

	@Test
	void holdReRunsTheReadinessCheckWhenItsTimerExpires() {
		Product product = lifecycles.aProduct(false);
		ProcessInstance instance = lifecycles.instance(product);
		lifecycles.passGate1(product);
		lifecycles.complete(product, DESIGN_FREEZE_SIGN_OFF, "engineer", Map.of(DESIGN_FROZEN.name(), false));
		lifecycles.complete(product, INSPECTION_STANDARD_APPROVAL, "quality",
				Map.of(INSPECTION_STANDARD_APPROVED.name(), true, MATERIAL_CONFIRMED.name(), true,
						SURFACE_FINISH_CONFIRMED.name(), true));
		lifecycles.complete(product, SUPPLIER_QUALIFICATION, "supplier", Map.of(SUPPLIER_APPROVED.name(), true));
		lifecycles.decideGate(product, "STAY_SMALL_BATCH", null);

		Job holdTimer = management.createJobQuery()
			.processInstanceId(instance.getId())
			.activityId("timer_holdExpired")
			.singleResult();
		management.executeJob(holdTimer.getId());

		// only the open sign-off is asked again
		assertThat(instance).isWaitingAt(DESIGN_FREEZE_SIGN_OFF);
		assertThat(tasks.createTaskQuery().processInstanceId(instance.getId()).list())
			.extracting(Task::getTaskDefinitionKey)
			.containsExactly(DESIGN_FREEZE_SIGN_OFF);
	}

	@Test
	void recyclesToPrototypeOnNegativeFeedbackThenGoes() {
		Product product = lifecycles.aProductReadyForGate2(false);
		lifecycles.feedback(product, FeedbackRating.NEGATIVE);
		lifecycles.feedback(product, FeedbackRating.NEGATIVE);
		lifecycles.feedback(product, FeedbackRating.NEGATIVE);
		ProcessInstance instance = lifecycles.instance(product);
		lifecycles.passGate1(product);
		lifecycles.signAllReadiness(product);
		assertThat(runtime.getVariable(instance.getId(), GATE_RECOMMENDATION.name())).isEqualTo("RECYCLE_TO_PROTOTYPE");
		assertThat(reasons(instance)).contains("FEEDBACK_NEGATIVE");

		lifecycles.decideGate(product, "RECYCLE_TO_PROTOTYPE", null);
		assertThat(instance).isWaitingAt(PROTOTYPE_REVIEW);
		assertThat(stage(product)).isEqualTo(Stage.PROTOTYPE);
		assertThat(runtime.getVariable(instance.getId(), DESIGN_FROZEN.name())).isEqualTo(false);

		for (int i = 0; i < 10; i++) {
			lifecycles.feedback(product, FeedbackRating.POSITIVE);
		}
		lifecycles.passGate1(product);
		assertThat(instance).isWaitingAt(DESIGN_FREEZE_SIGN_OFF, INSPECTION_STANDARD_APPROVAL, SUPPLIER_QUALIFICATION);
		lifecycles.signAllReadiness(product);
		lifecycles.decideGate(product, "GO_MASS_PRODUCTION", null);
		assertThat(instance).isEnded().hasPassed("serviceTask_recycleToPrototype", "endEvent_massProduction");
		assertThat(stageHistory(instance)).containsExactly("PROTOTYPE", "SMALL_BATCH", "PROTOTYPE", "SMALL_BATCH",
				"MASS_PRODUCTION");
	}

	@Test
	void killsAtGate2WithAWrittenOverrideReason() {
		Product product = lifecycles.aProductReadyForGate2(false);
		ProcessInstance instance = lifecycles.instance(product);
		lifecycles.passGate1(product);
		lifecycles.signAllReadiness(product);

		lifecycles.decideGate(product, "KILL", "The customer cancelled the programme.");

		assertThat(instance).isEnded().hasPassed("endEvent_cancelled");
		assertThat(stage(product)).isEqualTo(Stage.CANCELLED);
		assertThat(overridden(instance)).isTrue();
	}

	@Test
	void refusesAnOverrideWithoutAReasonAndKeepsNothing() {
		Product product = lifecycles.aProductReadyForGate2(false);
		ProcessInstance instance = lifecycles.instance(product);
		lifecycles.passGate1(product);
		lifecycles.signAllReadiness(product);

		assertThatThrownBy(() -> lifecycles.decideGate(product, "KILL", "  "))
			.satisfies(e -> assertThat(invalidInput(e).field()).isEqualTo(OVERRIDE_REASON.name()));

		assertThat(instance).isWaitingAt(GATE_REVIEW);
		assertThat(stage(product)).isEqualTo(Stage.SMALL_BATCH);
		assertThat(runtime.getVariable(instance.getId(), GATE_DECISION.name())).isNull();
	}

	@Test
	void killsAtGate1() {
		Product product = lifecycles.aProduct(false);
		ProcessInstance instance = lifecycles.instance(product);

		lifecycles.complete(product, PROTOTYPE_REVIEW, "engineer", Map.of(PROTOTYPE_DECISION.name(), "KILL"));

		assertThat(instance).isEnded().hasPassed("endEvent_cancelled").hasNotPassed("serviceTask_enterSmallBatch");
		assertThat(stage(product)).isEqualTo(Stage.CANCELLED);
	}

	@Test
	void recyclesAtGate1ForAnotherPrototypeIteration() {
		Product product = lifecycles.aProduct(false);
		ProcessInstance instance = lifecycles.instance(product);

		lifecycles.complete(product, PROTOTYPE_REVIEW, "engineer", Map.of(PROTOTYPE_DECISION.name(), "RECYCLE"));

		assertThat(instance).isWaitingAt(PROTOTYPE_REVIEW);
		assertThat(stage(product)).isEqualTo(Stage.PROTOTYPE);
	}

	@Test
	void goesToOneStopScalePlanningWhenSupplyCoordinationIsNeeded() {
		Product product = lifecycles.aProductReadyForGate2(true);
		ProcessInstance instance = lifecycles.instance(product);
		lifecycles.passGate1(product);
		lifecycles.signAllReadiness(product);
		assertThat(runtime.getVariable(instance.getId(), GATE_RECOMMENDATION.name()))
			.isEqualTo("ONE_STOP_SCALE_PLANNING");
		assertThat(reasons(instance)).containsExactly("NEEDS_SUPPLY_COORDINATION");

		lifecycles.decideGate(product, "ONE_STOP_SCALE_PLANNING", null);

		assertThat(instance).isEnded().hasPassed("endEvent_oneStopScalePlanning");
		assertThat(stage(product)).isEqualTo(Stage.ONE_STOP_SCALE_PLANNING);
	}

	@Test
	void escalatesAnOverdueTaskWithoutClosingIt() {
		Product product = lifecycles.aProduct(false);
		ProcessInstance instance = lifecycles.instance(product);
		Task review = lifecycles.task(product, PROTOTYPE_REVIEW);
		assertThat(review.getDueDate()).isAfter(java.util.Date.from(Instant.now().plusSeconds(9 * 86400)));

		Job overdue = management.createJobQuery()
			.processInstanceId(instance.getId())
			.activityId("timer_prototypeReviewOverdue")
			.singleResult();
		management.executeJob(overdue.getId());

		Task escalated = lifecycles.task(product, PROTOTYPE_REVIEW);
		assertThat(escalated.getId()).isEqualTo(review.getId());
		assertThat(escalated.getPriority()).isEqualTo(OverdueTaskDelegate.ESCALATED_PRIORITY);
	}

	@Test
	void everyUserTaskHasItsGroupFormAndDueDate() {
		Product product = lifecycles.aProduct(false);
		assertTask(product, PROTOTYPE_REVIEW, "ENGINEER");
		lifecycles.passGate1(product);
		assertTask(product, DESIGN_FREEZE_SIGN_OFF, "ENGINEER");
		assertTask(product, INSPECTION_STANDARD_APPROVAL, "QUALITY");
		assertTask(product, SUPPLIER_QUALIFICATION, "SUPPLIER_QUALITY");
		lifecycles.signAllReadiness(product);
		assertTask(product, GATE_REVIEW, "GATEKEEPER");
	}

	@Test
	void keepsGateInputsGivenBeforeTheReadinessCheck() {
		Product product = lifecycles.aProductReadyForGate2(false);
		ProcessInstance instance = lifecycles.instance(product);
		lifecycles.passGate1(product);
		// given by ScaleGate's own code (as another system's figures would be), not from
		// outside
		io.scalegate.security.ScaleGateStep.run(() -> runtime.setVariable(instance.getId(), DEMAND_CV.name(), 0.9));

		lifecycles.signAllReadiness(product);

		assertThat(runtime.getVariable(instance.getId(), DEMAND_CV.name())).isEqualTo(0.9);
		assertThat(reasons(instance)).containsExactly("DEMAND_NOT_STABLE");
	}

	private void assertTask(Product product, String taskKey, String group) {
		Task task = lifecycles.task(product, taskKey);
		assertThat(task).as(taskKey).isNotNull();
		assertThat(tasks.getIdentityLinksForTask(task.getId())).anySatisfy(link -> {
			assertThat(link.getGroupId()).isEqualTo(group);
			assertThat(link.getType()).isEqualTo("candidate");
		});
		assertThat(task.getDueDate()).as("due date of " + taskKey).isNotNull();
		assertThat(engine.getFormService().getTaskFormData(task.getId()).getCamundaFormRef().getKey())
			.isEqualTo(taskKey);
		assertThat(engine.getFormService().getDeployedTaskForm(task.getId())).isNotNull();
		assertThat(management.createJobQuery()
			.processInstanceId(task.getProcessInstanceId())
			.activityId("timer_" + taskKey + "Overdue")
			.count()).as("escalation timer of " + taskKey).isEqualTo(1);
	}

	@SuppressWarnings("unchecked")
	private List<String> reasons(ProcessInstance instance) {
		return (List<String>) runtime.getVariable(instance.getId(), GATE_REASONS);
	}

	private Stage stage(Product product) {
		return products.get(product.partNumber()).stage();
	}

	private List<Object> stageHistory(ProcessInstance instance) {
		return history.createHistoricDetailQuery()
			.processInstanceId(instance.getId())
			.variableUpdates()
			.orderPartiallyByOccurrence()
			.asc()
			.list()
			.stream()
			.map(HistoricVariableUpdate.class::cast)
			.filter(update -> update.getVariableName().equals(STAGE.name()))
			.map(HistoricVariableUpdate::getValue)
			.toList();
	}

	private boolean overridden(ProcessInstance instance) {
		return (Boolean) history.createHistoricVariableInstanceQuery()
			.processInstanceId(instance.getId())
			.variableName(GATE_OVERRIDDEN.name())
			.singleResult()
			.getValue();
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
