package io.scalegate.model.change;

import static org.assertj.core.api.Assertions.assertThat;

import io.scalegate.ScaleGateTest;
import io.scalegate.Together;
import io.scalegate.audit.AuditQuery;
import io.scalegate.audit.AuditSearch;
import io.scalegate.base.AuditAction;
import io.scalegate.base.Conflict;
import io.scalegate.base.Sha256;
import io.scalegate.model.change.ModelChange.Status;
import io.scalegate.security.Role;
import io.scalegate.security.UserAccounts;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Two process owners approve one submitted change at the same moment (issue 12, item 8):
 * it deploys once (one deployment in the engine's repository, one "model deployed" entry
 * in the trail), and the second approver is told who came first.
 */
@ScaleGateTest
class ConcurrentApprovalProcessTest {

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

	static final String GATE_DMN = "bpmn/mass-production-gate.dmn";

	@Autowired
	ModelChanges changes;

	@Autowired
	RepositoryService repository;

	@Autowired
	AuditSearch audit;

	@Autowired
	UserAccounts accounts;

	@Test
	void twoConcurrentApprovalsDeployOnce() throws Exception {
		String third = "owner-" + UUID.randomUUID().toString().substring(0, 8);
		accounts.save(third, "Third Process-Owner", "demo", EnumSet.of(Role.PROCESS_OWNER));
		ModelChange opened = changes.open(changes.latest().getId(), GATE_DMN, "owner");
		changes.save(opened.id(), HarmlessChanges.reviewed(opened.content()), "owner");
		String reviewed = Sha256.hex(changes.submit(opened.id(), "owner").content());
		long deploymentsBefore = repository.createDeploymentQuery().count();
		Instant start = Instant.now().minusSeconds(1);

		List<Object> outcomes = Together
			.run(List.of(() -> changes.approve(opened.id(), reviewed, "owner2", "demo", "Approved for deployment"),
					() -> changes.approve(opened.id(), reviewed, third, "demo", "Approved for deployment")));

		assertThat(outcomes).filteredOn(ModelChange.class::isInstance).singleElement().satisfies(deployed -> {
			assertThat(((ModelChange) deployed).status()).isEqualTo(Status.DEPLOYED);
		});
		ModelChange deployed = changes.get(opened.id());
		assertThat(outcomes).filteredOn(Throwable.class::isInstance)
			.singleElement()
			.isInstanceOf(Conflict.class)
			.satisfies(refused -> assertThat(((Throwable) refused).getMessage())
				.contains("already approved by " + deployed.approverName()));
		assertThat(repository.createDeploymentQuery().count()).isEqualTo(deploymentsBefore + 1);
		assertThat(repository.createDeploymentQuery().deploymentId(deployed.deploymentId()).count()).isEqualTo(1);
		// this change's deployments only: other tests deploy changes in the same second
		assertThat(audit.page(new AuditQuery(null, Set.of(AuditAction.MODEL_DEPLOYED), null, null, start, null,
				"\"changeId\":" + opened.id() + ","), 0, 50))
			.hasSize(1);
	}

}
