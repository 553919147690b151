package io.scalegate.model.migration;

import io.scalegate.base.Checks;
import io.scalegate.base.InvalidInput;
import io.scalegate.gate.ProductLifecycle;
import io.scalegate.security.ScaleGateStep;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.batch.BatchStatistics;
import org.camunda.bpm.engine.batch.history.HistoricBatch;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves running products to another lifecycle version with Camunda's migration API: a
 * plan that maps equal activity ids, validated before anything moves, run as a batch
 * whose progress and failures (a product that cannot move, with the engine's reason) can
 * be followed.
 */
@Service
public class LifecycleMigration {

	private static final int LIMIT = 2000;

	private static final Pattern INSTANCE = Pattern.compile("process instance '([^']+)'");

	private final RepositoryService repository;

	private final RuntimeService runtime;

	private final ManagementService management;

	private final HistoryService history;

	private final ApplicationEventPublisher events;

	LifecycleMigration(RepositoryService repository, RuntimeService runtime, ManagementService management,
			HistoryService history, ApplicationEventPublisher events) {
		this.repository = repository;
		this.runtime = runtime;
		this.management = management;
		this.history = history;
		this.events = events;
	}

	/** Every lifecycle version, newest first, with how many products run on it. */
	public List<LifecycleVersion> versions() {
		return repository.createProcessDefinitionQuery()
			.processDefinitionKey(ProductLifecycle.PROCESS_KEY)
			.orderByProcessDefinitionVersion()
			.desc()
			.listPage(0, LIMIT)
			.stream()
			.map(definition -> new LifecycleVersion(definition.getId(), definition.getVersion(),
					runtime.createProcessInstanceQuery().processDefinitionId(definition.getId()).count()))
			.toList();
	}

	/** The products running on a version, by part number, with where each waits. */
	public List<RunningProduct> running(String definitionId) {
		List<RunningProduct> products = new ArrayList<>();
		for (ProcessInstance instance : runtime.createProcessInstanceQuery()
			.processDefinitionId(definitionId)
			.listPage(0, LIMIT)) {
			products.add(new RunningProduct(instance.getId(), instance.getBusinessKey(),
					String.join(", ", runtime.getActiveActivityIds(instance.getId()))));
		}
		products
			.sort(Comparator.comparing(RunningProduct::partNumber, Comparator.nullsLast(Comparator.naturalOrder())));
		return products;
	}

	/**
	 * The plan from one version to another, or what makes it impossible (one line per
	 * problem).
	 */
	public PlanCheck check(String sourceDefinitionId, String targetDefinitionId) {
		Checks checks = new Checks();
		checks.required("source", sourceDefinitionId);
		checks.required("target", targetDefinitionId);
		checks.throwIfAny();
		if (sourceDefinitionId.equals(targetDefinitionId)) {
			throw new InvalidInput("target", "choose a version other than the one the products run on");
		}
		definition("source", sourceDefinitionId);
		definition("target", targetDefinitionId);
		try {
			MigrationPlan plan = runtime.createMigrationPlan(sourceDefinitionId, targetDefinitionId)
				.mapEqualActivities()
				.updateEventTriggers()
				.build();
			List<String> mapped = plan.getInstructions()
				.stream()
				.map(instruction -> instruction.getSourceActivityId() + " → " + instruction.getTargetActivityId())
				.toList();
			return new PlanCheck(plan, mapped, List.of());
		}
		catch (MigrationPlanValidationException invalid) {
			List<String> problems = new ArrayList<>();
			invalid.getValidationReport()
				.getInstructionReports()
				.forEach(report -> report.getFailures()
					.forEach(failure -> problems
						.add(report.getMigrationInstruction().getSourceActivityId() + ": " + failure)));
			invalid.getValidationReport()
				.getVariableReports()
				.forEach((name, report) -> report.getFailures()
					.forEach(failure -> problems.add("variable " + name + ": " + failure)));
			if (problems.isEmpty()) {
				problems.add(invalid.getMessage());
			}
			return new PlanCheck(null, List.of(), problems);
		}
	}

	/** Starts moving the chosen products; returns the batch to follow. */
	@Transactional
	public Batch start(String sourceDefinitionId, String targetDefinitionId, List<String> processInstanceIds,
			String by) {
		if (processInstanceIds == null || processInstanceIds.isEmpty()) {
			throw new InvalidInput("products", "choose at least one product to move");
		}
		PlanCheck check = check(sourceDefinitionId, targetDefinitionId);
		if (!check.valid()) {
			throw new InvalidInput("target", "the migration plan is not valid: " + check.problems().get(0));
		}
		Map<String, String> partNumbers = new HashMap<>();
		running(sourceDefinitionId)
			.forEach(product -> partNumbers.put(product.processInstanceId(), product.partNumber()));
		List<String> unknown = processInstanceIds.stream().filter(id -> !partNumbers.containsKey(id)).toList();
		if (!unknown.isEmpty()) {
			throw new InvalidInput("products",
					unknown.size() + " of the chosen products no longer run on this version; " + "reload the list");
		}
		Batch batch = ScaleGateStep
			.run(() -> runtime.newMigration(check.plan()).processInstanceIds(processInstanceIds).executeAsync());
		events.publishEvent(new InstancesMigrated(batch.getId(), sourceDefinitionId, targetDefinitionId,
				processInstanceIds.stream().map(partNumbers::get).sorted().toList(), by));
		return batch;
	}

	/**
	 * How far a batch is, and the products it could not move with the engine's reason.
	 */
	public Progress progress(String batchId) {
		BatchStatistics statistics = management.createBatchStatisticsQuery().batchId(batchId).singleResult();
		if (statistics == null) {
			HistoricBatch done = history.createHistoricBatchQuery().batchId(batchId).singleResult();
			int total = done == null ? 0 : done.getTotalJobs();
			return new Progress(total, total, 0, true, List.of());
		}
		List<Failure> failures = new ArrayList<>();
		if (statistics.getBatchJobDefinitionId() != null) {
			for (Job job : management.createJobQuery()
				.jobDefinitionId(statistics.getBatchJobDefinitionId())
				.withException()
				.listPage(0, LIMIT)) {
				String message = job.getExceptionMessage() == null ? "failed" : job.getExceptionMessage();
				Matcher instance = INSTANCE.matcher(message);
				String processInstanceId = instance.find() ? instance.group(1) : null;
				failures.add(new Failure(processInstanceId, partNumber(processInstanceId), message, job.getRetries()));
			}
		}
		int total = statistics.getTotalJobs();
		int finished = statistics.getCompletedJobs();
		long stuck = failures.stream().filter(failure -> failure.retriesLeft() == 0).count();
		return new Progress(total, finished, statistics.getFailedJobs(), finished + stuck >= total && total > 0,
				failures);
	}

	private String partNumber(String processInstanceId) {
		if (processInstanceId == null) {
			return null;
		}
		ProcessInstance instance = runtime.createProcessInstanceQuery()
			.processInstanceId(processInstanceId)
			.singleResult();
		return instance == null ? null : instance.getBusinessKey();
	}

	private void definition(String field, String id) {
		ProcessDefinition definition = repository.createProcessDefinitionQuery().processDefinitionId(id).singleResult();
		if (definition == null || !definition.getKey().equals(ProductLifecycle.PROCESS_KEY)) {
			throw new InvalidInput(field, "no lifecycle version " + id);
		}
	}

	public record LifecycleVersion(String definitionId, int version, long runningProducts) {
	}

	public record RunningProduct(String processInstanceId, String partNumber, String waitsAt) {
	}

	/** A valid plan with its instructions, or the problems that make it invalid. */
	public record PlanCheck(MigrationPlan plan, List<String> instructions, List<String> problems) {

		public boolean valid() {
			return plan != null && problems.isEmpty();
		}

	}

	public record Progress(int totalJobs, int completedJobs, int failedJobs, boolean finished, List<Failure> failures) {
	}

	public record Failure(String processInstanceId, String partNumber, String reason, int retriesLeft) {
	}

}
