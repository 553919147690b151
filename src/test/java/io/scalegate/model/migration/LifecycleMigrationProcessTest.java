package io.scalegate.model.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scalegate.ScaleGateTest;
import io.scalegate.audit.AuditQuery;
import io.scalegate.audit.AuditSearch;
import io.scalegate.base.AuditAction;
import io.scalegate.base.InvalidInput;
import io.scalegate.gate.process.Lifecycles;
import io.scalegate.model.change.ModelChanges;
import io.scalegate.model.migration.LifecycleMigration.LifecycleVersion;
import io.scalegate.model.migration.LifecycleMigration.PlanCheck;
import io.scalegate.product.Product;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Running products move from one lifecycle version to the next with a validated plan, as
 * a batch.
 */
@ScaleGateTest
class LifecycleMigrationProcessTest {

	@Autowired
	io.scalegate.gate.ReadinessReevaluation reevaluation;

	/**
	 * A deployment here judges the stored verdicts again in the background: the next test
	 * finds them judged by the deployed rules.
	 */
	@org.junit.jupiter.api.AfterEach
	void awaitTheReevaluation() {
		io.scalegate.gate.Reevaluations.awaitIdle(reevaluation);
	}

	@Autowired
	LifecycleMigration migration;

	@Autowired
	ModelChanges changes;

	@Autowired
	Lifecycles lifecycles;

	@Autowired
	ManagementService management;

	@Autowired
	AuditSearch audit;

	@Autowired
	org.camunda.bpm.engine.RuntimeService runtime;

	@Autowired
	org.camunda.bpm.engine.TaskService tasks;

	@Test
	void runningProductsMoveToTheNewVersionAsABatch() {
		Product waiting = lifecycles.aProduct(false);
		Product atGate1 = lifecycles.aProduct(false);
		lifecycles.passGate1(atGate1);
		String source = lifecycles.instance(waiting).getProcessDefinitionId();

		io.scalegate.model.change.HarmlessChanges.deployNewLifecycleVersion(changes);

		LifecycleVersion newest = migration.versions().get(0);
		assertThat(newest.definitionId()).isNotEqualTo(source);
		assertThat(migration.running(source)).extracting(LifecycleMigration.RunningProduct::partNumber)
			.contains(waiting.partNumber(), atGate1.partNumber());

		PlanCheck plan = migration.check(source, newest.definitionId());
		assertThat(plan.valid()).as(String.join("; ", plan.problems())).isTrue();
		assertThat(plan.instructions()).contains("prototypeReview → prototypeReview");
		assertThatThrownBy(() -> migration.check(source, source)).isInstanceOf(InvalidInput.class)
			.hasMessageContaining("target");
		assertThatThrownBy(() -> migration.start(source, newest.definitionId(), List.of(), "owner"))
			.isInstanceOf(InvalidInput.class)
			.hasMessageContaining("products");

		Batch batch = migration.start(source, newest.definitionId(),
				List.of(lifecycles.instance(waiting).getId(), lifecycles.instance(atGate1).getId()), "owner");
		assertThat(migration.progress(batch.getId()).finished()).isFalse();
		runJobs(batch.getSeedJobDefinitionId());
		runJobs(batch.getBatchJobDefinitionId());
		assertThat(migration.progress(batch.getId()).completedJobs()).isEqualTo(2);
		runJobs(batch.getMonitorJobDefinitionId());

		assertThat(migration.progress(batch.getId()).finished()).isTrue();
		assertThat(lifecycles.instance(waiting).getProcessDefinitionId()).isEqualTo(newest.definitionId());
		assertThat(lifecycles.instance(atGate1).getProcessDefinitionId()).isEqualTo(newest.definitionId());
		assertThat(audit.page(new AuditQuery("owner", Set.of(AuditAction.INSTANCES_MIGRATED), null,
				newest.definitionId(), null, null, null), 0, 5))
			.singleElement()
			.satisfies(entry -> assertThat(entry.details()).contains(waiting.partNumber(), atGate1.partNumber(),
					batch.getId()));
	}

	@Test
	void theRunningDemoProductsMoveFromTheShippedVersionWithTheirTasksKept() {
		var awaitingGatekeeper = runtime.createProcessInstanceQuery()
			.processInstanceBusinessKey("HTS-1210")
			.singleResult();
		String source = awaitingGatekeeper.getProcessDefinitionId();
		Task gateReview = tasks.createTaskQuery().processInstanceId(awaitingGatekeeper.getId()).singleResult();
		io.scalegate.model.change.HarmlessChanges.deployNewLifecycleVersion(changes);
		String target = migration.versions().get(0).definitionId();

		List<String> demo = migration.running(source)
			.stream()
			.map(LifecycleMigration.RunningProduct::processInstanceId)
			.toList();
		assertThat(demo).hasSizeGreaterThan(1).contains(awaitingGatekeeper.getId());
		Batch batch = migration.start(source, target, demo, "owner");
		runJobs(batch.getSeedJobDefinitionId());
		runJobs(batch.getBatchJobDefinitionId());
		runJobs(batch.getMonitorJobDefinitionId());

		assertThat(migration.progress(batch.getId()).failures()).isEmpty();
		assertThat(migration.running(source)).isEmpty();
		assertThat(migration.running(target)).extracting(LifecycleMigration.RunningProduct::processInstanceId)
			.containsAll(demo);
		Task kept = tasks.createTaskQuery().processInstanceId(awaitingGatekeeper.getId()).singleResult();
		assertThat(kept.getId()).isEqualTo(gateReview.getId());
		assertThat(kept.getProcessDefinitionId()).isEqualTo(target);
	}

	private void runJobs(String jobDefinitionId) {
		for (Job job : management.createJobQuery().jobDefinitionId(jobDefinitionId).list()) {
			management.executeJob(job.getId());
		}
	}

}
