package io.scalegate.model.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scalegate.ScaleGateTest;
import io.scalegate.audit.AuditAction;
import io.scalegate.audit.AuditQuery;
import io.scalegate.audit.AuditSearch;
import io.scalegate.base.InvalidInput;
import io.scalegate.gate.process.Lifecycles;
import io.scalegate.model.change.ModelChange;
import io.scalegate.model.change.ModelChanges;
import io.scalegate.model.migration.LifecycleMigration.LifecycleVersion;
import io.scalegate.model.migration.LifecycleMigration.PlanCheck;
import io.scalegate.product.Product;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Running products move from one lifecycle version to the next with a validated plan, as a batch. */
@ScaleGateTest
class LifecycleMigrationProcessTest {

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

	@Test
	void runningProductsMoveToTheNewVersionAsABatch() {
		Product waiting = lifecycles.aProduct(false);
		Product atGate1 = lifecycles.aProduct(false);
		lifecycles.passGate1(atGate1);
		String source = lifecycles.instance(waiting).getProcessDefinitionId();

		ModelChange change = changes.open(changes.latest().getId(), "bpmn/product-lifecycle.bpmn", "owner");
		changes.save(change.id(), change.content().replaceFirst("name=\"Escalated\"", "name=\"Escalated to the owner\""),
				"owner");
		changes.submit(change.id(), "owner");
		changes.approve(change.id(), "owner2", "demo", "Approved for deployment");

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
		assertThat(audit.page(new AuditQuery("owner", Set.of(AuditAction.INSTANCES_MIGRATED), null, newest.definitionId(),
				null, null, null), 0, 5)).singleElement()
			.satisfies(entry -> assertThat(entry.details()).contains(waiting.partNumber(), atGate1.partNumber(),
					batch.getId()));
	}

	private void runJobs(String jobDefinitionId) {
		for (Job job : management.createJobQuery().jobDefinitionId(jobDefinitionId).list()) {
			management.executeJob(job.getId());
		}
	}

}
