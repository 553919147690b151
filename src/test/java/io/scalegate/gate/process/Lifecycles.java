package io.scalegate.gate.process;

import static io.scalegate.gate.ProductLifecycle.*;

import io.scalegate.evidence.CapabilityStudyEntry;
import io.scalegate.evidence.CostEstimateEntry;
import io.scalegate.evidence.EvidenceRecorder;
import io.scalegate.evidence.FeedbackEntry;
import io.scalegate.evidence.FeedbackRating;
import io.scalegate.evidence.OrderEntry;
import io.scalegate.evidence.Result;
import io.scalegate.evidence.SmallBatchEntry;
import io.scalegate.product.Product;
import io.scalegate.product.ProductRegistration;
import io.scalegate.product.ProductService;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Test fixtures: products with evidence of a known shape, and a driver for their
 * lifecycle tasks.
 */
@Component
public class Lifecycles {

	private final ProductService products;

	private final EvidenceRecorder recorder;

	private final Clock clock;

	private final TaskService tasks;

	private final RuntimeService runtime;

	private final IdentityService identity;

	private final io.scalegate.task.TaskCompletion completion;

	Lifecycles(ProductService products, EvidenceRecorder recorder, Clock clock, TaskService tasks,
			RuntimeService runtime, IdentityService identity, io.scalegate.task.TaskCompletion completion) {
		this.completion = completion;
		this.products = products;
		this.recorder = recorder;
		this.clock = clock;
		this.tasks = tasks;
		this.runtime = runtime;
		this.identity = identity;
	}

	public Product aProduct(boolean needsSupplyCoordination) {
		String partNumber = "T-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		identity.setAuthentication("engineer", List.of("ENGINEER"));
		try {
			return products.register(new ProductRegistration(partNumber, "Test bracket", "Test customer", "A",
					"engineer", true, needsSupplyCoordination), "engineer");
		}
		finally {
			identity.clearAuthentication();
		}
	}

	/**
	 * A product whose evidence meets every gate condition: stable demand, qualified
	 * supplier, tooling paying back.
	 */
	public Product aProductReadyForGate2(boolean needsSupplyCoordination) {
		Product product = aProduct(needsSupplyCoordination);
		stableDemand(product, 12);
		qualifiedSupplier(product);
		toolingThatPaysBack(product, today().minusDays(3));
		feedback(product, FeedbackRating.POSITIVE);
		feedback(product, FeedbackRating.POSITIVE);
		return product;
	}

	/** Months of 1000, 1100, 900, 1000, ...: CV about 0.07; recorded by quality. */
	void stableDemand(Product product, int months) {
		int[] pattern = { 1000, 1100, 900, 1000 };
		LocalDate first = today().withDayOfMonth(1).minusMonths(months);
		for (int i = 0; i < months; i++) {
			recorder.record(product.partNumber(),
					new OrderEntry(first.plusMonths(i), pattern[i % pattern.length], "Test customer"), "quality");
		}
	}

	/** Months alternating 100 and 1900: CV about 0.9; recorded by quality. */
	void volatileDemand(Product product, int months) {
		LocalDate first = today().withDayOfMonth(1).minusMonths(months);
		for (int i = 0; i < months; i++) {
			recorder.record(product.partNumber(),
					new OrderEntry(first.plusMonths(i), i % 2 == 0 ? 100 : 1900, "Test customer"), "quality");
		}
	}

	/**
	 * Five conforming batches delivered on time (recorded by supplier quality) and a
	 * capable bore (Cpk 1.67, recorded by quality).
	 */
	void qualifiedSupplier(Product product) {
		LocalDate first = today().minusMonths(6);
		for (int i = 0; i < 5; i++) {
			recorder.record(product.partNumber(), new SmallBatchEntry("B" + i, 200, Result.PASS, Result.PASS,
					Result.PASS, first.plusMonths(i), first.plusMonths(i)), "supplier");
		}
		recorder.record(product.partNumber(), new CapabilityStudyEntry("Bore", today().minusDays(5),
				new BigDecimal("9.9"), new BigDecimal("10.1"), new BigDecimal("10.0"), new BigDecimal("0.02"), 50),
				"quality");
	}

	/**
	 * 50,000 tooling, 7 saved per unit at 20,000 a year: pays back in about four months;
	 * recorded by the engineer.
	 */
	void toolingThatPaysBack(Product product, LocalDate estimatedOn) {
		recorder.record(product.partNumber(), new CostEstimateEntry(estimatedOn, "EUR", new BigDecimal("12.00"),
				new BigDecimal("5.00"), new BigDecimal("50000"), 20000), "engineer");
	}

	/** Feedback received two days ago, recorded by quality. */
	public void feedback(Product product, FeedbackRating rating) {
		recorder.record(product.partNumber(), new FeedbackEntry(today().minusDays(2), "Test customer", rating, null),
				"quality");
	}

	private LocalDate today() {
		return LocalDate.now(clock);
	}

	public ProcessInstance instance(Product product) {
		return runtime.createProcessInstanceQuery()
			.processDefinitionKey(PROCESS_KEY)
			.processInstanceBusinessKey(product.partNumber())
			.singleResult();
	}

	public Task task(Product product, String taskKey) {
		return tasks.createTaskQuery()
			.processInstanceBusinessKey(product.partNumber())
			.taskDefinitionKey(taskKey)
			.singleResult();
	}

	/**
	 * Completes the task as {@code user}: signed with the demo password, the only way the
	 * engine completes a lifecycle task.
	 */
	public void complete(Product product, String taskKey, String user, Map<String, Object> variables) {
		sign(product, taskKey, user, variables);
	}

	/**
	 * Completes the task as a person does in the UI: signed with the demo password, with
	 * the meaning its values decide.
	 */
	public void sign(Product product, String taskKey, String user, Map<String, Object> variables) {
		completion.complete(task(product, taskKey).getId(), user, "demo", io.scalegate.task.TaskVerdict
			.meaningOf(taskKey, variables, io.scalegate.task.SignatureMeaning.REVIEWED), variables);
	}

	/** The engine's task service, for tests that look for tasks themselves. */
	public TaskService tasks() {
		return tasks;
	}

	/** Completes the task by its id as {@code user}, signed with the demo password. */
	public void completeTask(String taskId, String user, Map<String, Object> variables) {
		String taskKey = tasks.createTaskQuery().taskId(taskId).singleResult().getTaskDefinitionKey();
		completion.complete(taskId, user, "demo", io.scalegate.task.TaskVerdict.meaningOf(taskKey, variables,
				io.scalegate.task.SignatureMeaning.REVIEWED), variables);
	}

	public void passGate1(Product product) {
		complete(product, PROTOTYPE_REVIEW, "engineer", Map.of(PROTOTYPE_DECISION.name(), "GO"));
	}

	public void signAllReadiness(Product product) {
		complete(product, DESIGN_FREEZE_SIGN_OFF, "engineer", Map.of(DESIGN_FROZEN.name(), true));
		complete(product, INSPECTION_STANDARD_APPROVAL, "quality", Map.of(INSPECTION_STANDARD_APPROVED.name(), true,
				MATERIAL_CONFIRMED.name(), true, SURFACE_FINISH_CONFIRMED.name(), true));
		complete(product, SUPPLIER_QUALIFICATION, "supplier", Map.of(SUPPLIER_APPROVED.name(), true));
	}

	/**
	 * Decides Go with conditions, each a map of conditionText, conditionOwner,
	 * conditionDue.
	 */
	public void decideGoWithConditions(Product product, String reason, List<Map<String, Object>> conditions) {
		Map<String, Object> variables = new HashMap<>();
		variables.put(GATE_DECISION.name(), "GO_WITH_CONDITIONS");
		variables.put(OVERRIDE_REASON.name(), reason);
		variables.put(GATE_CONDITIONS, conditions);
		complete(product, GATE_REVIEW, "gatekeeper", variables);
	}

	/** A condition as the gate review form writes it: due {@code days} from today. */
	public Map<String, Object> condition(String text, String owner, int days) {
		Map<String, Object> condition = new java.util.LinkedHashMap<>();
		condition.put(CONDITION_TEXT_FIELD, text);
		condition.put(CONDITION_OWNER_FIELD, owner);
		condition.put(CONDITION_DUE_FIELD, LocalDate.now(clock).plusDays(days).toString());
		return condition;
	}

	public void decideGate(Product product, String decision, String reason) {
		Map<String, Object> variables = new HashMap<>();
		variables.put(GATE_DECISION.name(), decision);
		variables.put(OVERRIDE_REASON.name(), reason);
		complete(product, GATE_REVIEW, "gatekeeper", variables);
	}

}
