package io.scalegate.model.change;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scalegate.ScaleGateTest;
import io.scalegate.audit.AuditEntry;
import io.scalegate.audit.AuditQuery;
import io.scalegate.audit.AuditSearch;
import io.scalegate.base.AuditAction;
import io.scalegate.base.InvalidInput;
import io.scalegate.base.Sha256;
import io.scalegate.gate.ProductLifecycle;
import io.scalegate.model.cases.CaseRun;
import io.scalegate.model.cases.DecisionCaseRunner;
import io.scalegate.model.change.ModelChange.Status;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Governed model changes: decision test cases guard every rule, a looser demand threshold
 * cannot be submitted, and a change deploys only after a second process owner signs it,
 * with its author, approver and summary in the audit trail.
 */
@ScaleGateTest
class ModelChangesProcessTest {

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
	DecisionCaseRunner runner;

	@Autowired
	RepositoryService repository;

	@Autowired
	AuditSearch audit;

	@Test
	void theSeededCasesPassOnTheShippedDecisionsAndReachEveryRule() {
		for (String file : List.of(GATE_DMN, "bpmn/customer-feedback.dmn", "bpmn/gate-deliverables.dmn")) {
			ModelChange opened = changes.open(changes.latest().getId(), file, "owner");
			CaseRun run = runner.run(opened.fileName(), opened.content());
			assertThat(run.cases()).as(file).isNotEmpty();
			assertThat(run.cases()).as(file)
				.allSatisfy(result -> assertThat(result.passed()).as(result.testCase().name() + ": " + result.message())
					.isTrue());
			assertThat(run.rules()).as(file)
				.allSatisfy(rule -> assertThat(rule.caseNames()).as(rule.decisionKey() + " rule " + rule.number())
					.isNotEmpty());
		}
	}

	@Test
	void aLooserDemandThresholdFailsItsCasesAndIsNeitherSubmittedNorDeployed() {
		long deployments = repository.createDeploymentQuery().count();
		ModelChange opened = changes.open(changes.latest().getId(), GATE_DMN, "owner");
		ModelChange edited = changes.save(opened.id(),
				opened.content().replaceFirst("\\[0\\.\\.0\\.\\d+\\]", "[0..0.35]"), "owner");

		ChangeCheck check = changes.check(edited.id());
		assertThat(check.problems()).isEmpty();
		assertThat(check.summary()).anySatisfy(line -> assertThat(line).contains("→ '[0..0.35]'"));
		assertThat(check.cases().cases()).filteredOn(result -> !result.passed())
			.extracting(result -> result.testCase().name())
			.containsExactlyInAnyOrder("CV 0.28 is moderate, not stable",
					"Moderate demand (CV 0.30) stays in small batch", "Mixed feedback and moderate demand");
		assertThat(check.cases().rules()).filteredOn(rule -> rule.ruleId().equals("Rule_demandStability_2"))
			.singleElement()
			.satisfies(rule -> assertThat(rule.anyFailed()).isTrue());

		assertThatThrownBy(() -> changes.submit(edited.id(), "owner")).isInstanceOf(InvalidInput.class)
			.hasMessageContaining("cases: 3 of")
			.hasMessageContaining("decision test cases fail");
		assertThat(changes.get(edited.id()).status()).isEqualTo(Status.DRAFT);
		assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
	}

	@Test
	void aDraftWithAJuelEntryIsNeverEvaluatedNotEvenByItsOwnCases() {
		ModelChange opened = changes.open(changes.latest().getId(), GATE_DMN, "owner");
		String juel = opened.content()
			.replaceFirst("<outputEntry id=\"OutputEntry_demandStability_1\">\\s*<text>\"INSUFFICIENT_DATA\"</text>",
					"<outputEntry id=\"OutputEntry_demandStability_1\" expressionLanguage=\"juel\"><text>\\${'JUEL ran'}</text>");
		assertThat(juel).contains("JUEL ran");
		ModelChange draft = changes.save(opened.id(), juel, "owner");

		CaseRun run = runner.run(draft.fileName(), draft.content());
		assertThat(run.cases()).isNotEmpty().allSatisfy(result -> {
			assertThat(result.passed()).isFalse();
			assertThat(result.actual()).isEmpty();
			assertThat(result.matchedRules()).isEmpty();
			assertThat(result.message()).contains("not run").contains("OutputEntry_demandStability_1");
		});

		ChangeCheck check = changes.check(draft.id());
		assertThat(check.problems())
			.anySatisfy(problem -> assertThat(problem.element()).isEqualTo("OutputEntry_demandStability_1"));
		assertThat(check.cases().cases()).allSatisfy(result -> assertThat(result.actual()).isEmpty());
		assertThatThrownBy(() -> changes.submit(draft.id(), "owner")).isInstanceOf(InvalidInput.class)
			.hasMessageContaining("juel");
	}

	@Test
	void aChangeDeploysOnlyWhenASecondProcessOwnerSignsIt() {
		int drdVersion = latestGateDrdVersion();
		ModelChange opened = changes.open(changes.latest().getId(), GATE_DMN, "owner");
		String annotated = HarmlessChanges.reviewed(opened.content());
		assertThat(annotated).isNotEqualTo(opened.content());
		changes.save(opened.id(), annotated, "owner");
		assertThatThrownBy(() -> changes.save(opened.id(), annotated, "owner2")).isInstanceOf(InvalidInput.class)
			.hasMessageContaining("author");
		ModelChange submitted = changes.submit(opened.id(), "owner");
		assertThat(submitted.status()).isEqualTo(Status.SUBMITTED);
		assertThat(submitted.summary()).contains("Reviewed by the process owners");

		assertThatThrownBy(
				() -> changes.approve(opened.id(), sha256(opened.id()), "owner", "demo", "Approved for deployment"))
			.isInstanceOf(InvalidInput.class)
			.hasMessageContaining("four eyes");
		assertThatThrownBy(
				() -> changes.approve(opened.id(), sha256(opened.id()), "engineer", "demo", "Approved for deployment"))
			.isInstanceOf(InvalidInput.class)
			.hasMessageContaining("only a process owner");
		assertThatThrownBy(
				() -> changes.approve(opened.id(), sha256(opened.id()), "owner2", "wrong", "Approved for deployment"))
			.isInstanceOf(InvalidInput.class)
			.hasMessageContaining("password");
		assertThat(latestGateDrdVersion()).isEqualTo(drdVersion);

		ModelChange deployed = changes.approve(opened.id(), sha256(opened.id()), "owner2", "demo",
				"Approved for deployment");
		assertThat(deployed.status()).isEqualTo(Status.DEPLOYED);
		assertThat(deployed.approverName()).isEqualTo("Olivia Process-Owner");
		assertThat(deployed.deploymentId()).isEqualTo(changes.latest().getId());
		assertThat(latestGateDrdVersion()).isEqualTo(drdVersion + 1);
		assertThat(repository.getDeploymentResourceNames(deployed.deploymentId())).contains(GATE_DMN,
				"bpmn/product-lifecycle.bpmn", "forms/gate-review.form");

		List<AuditEntry> entries = audit.page(new AuditQuery("owner2", Set.of(AuditAction.MODEL_DEPLOYED), null,
				deployed.deploymentId(), null, null, null), 0, 5);
		assertThat(entries).singleElement()
			.satisfies(entry -> assertThat(entry.details()).contains("\"author\":\"owner\"")
				.contains("\"approver\":\"owner2\"")
				.contains("Reviewed by the process owners")
				.contains("\"impact\":\"")
				.contains("running products judged; 0 would change verdict"));
		assertThat(audit.page(
				new AuditQuery("owner", Set.of(AuditAction.MODEL_CHANGE_SUBMITTED), null, GATE_DMN, null, null, null),
				0, 50))
			.anySatisfy(entry -> assertThat(entry.details()).contains("\"changeId\":" + opened.id())
				.contains("running products judged; 0 would change verdict"));
		assertThatThrownBy(() -> changes.approve(opened.id(), sha256(opened.id()), "owner2", "demo", "again"))
			.isInstanceOf(InvalidInput.class)
			.hasMessageContaining("deployed");
	}

	@Test
	void aChangeOpenedBeforeAnotherWasDeployedIsStale() {
		ModelChange early = changes.open(changes.latest().getId(), "forms/gate-review.form", "owner");
		ModelChange other = changes.open(changes.latest().getId(), "forms/gate-review.form", "owner");
		changes.save(other.id(), other.content() + "\n", "owner");
		changes.submit(other.id(), "owner");
		changes.approve(other.id(), sha256(other.id()), "owner2", "demo", "Approved for deployment");

		ChangeCheck stale = changes.check(changes.save(early.id(), early.content() + " ", "owner").id());
		assertThat(stale.problems()).first()
			.satisfies(problem -> assertThat(problem.message())
				.contains("the deployed file changed after this change was opened"));
		assertThatThrownBy(() -> changes.submit(early.id(), "owner")).isInstanceOf(InvalidInput.class);
	}

	@Test
	void aRejectionNeedsAReasonAndEndsTheChange() {
		ModelChange opened = changes.open(changes.latest().getId(), GATE_DMN, "owner");
		assertThatThrownBy(() -> changes.reject(opened.id(), "owner2", " ")).isInstanceOf(InvalidInput.class)
			.hasMessageContaining("reason");
		assertThat(changes.reject(opened.id(), "owner2", "Not now").status()).isEqualTo(Status.REJECTED);
		assertThatThrownBy(() -> changes.save(opened.id(), "x", "owner")).isInstanceOf(InvalidInput.class)
			.hasMessageContaining("rejected");
	}

	@Test
	void anApprovalSignsTheContentTheReviewerSawAndNothingSavedAfterIt() throws Exception {
		ModelChange opened = changes.open(changes.latest().getId(), GATE_DMN, "owner");
		changes.save(opened.id(), HarmlessChanges.reviewed(opened.content()), "owner");
		String reviewed = Sha256.hex(changes.submit(opened.id(), "owner").content());
		// the author saves again and submits between the reviewer's look and signature
		changes.save(opened.id(), HarmlessChanges.reviewed(opened.content()), "owner");
		ModelChange resubmitted = changes.submit(opened.id(), "owner");
		String current = Sha256.hex(resubmitted.content());
		assertThat(current).isNotEqualTo(reviewed);
		String latest = changes.latest().getId();
		long deployments = repository.createDeploymentQuery().count();

		assertThatThrownBy(() -> changes.approve(opened.id(), reviewed, "owner2", "demo", "Approved for deployment"))
			.isInstanceOf(InvalidInput.class)
			.satisfies(e -> assertThat(((InvalidInput) e).field()).isEqualTo("reviewedSha256"))
			.hasMessageContaining("changed since you reviewed it: review again");
		assertThatThrownBy(() -> changes.approve(opened.id(), null, "owner2", "demo", "Approved for deployment"))
			.isInstanceOf(InvalidInput.class)
			.hasMessageContaining("reviewedSha256");
		assertThat(repository.createDeploymentQuery().count()).as("nothing deployed").isEqualTo(deployments);
		assertThat(changes.latest().getId()).isEqualTo(latest);
		assertThat(changes.get(opened.id()).status()).isEqualTo(Status.SUBMITTED);

		ModelChange deployed = changes.approve(opened.id(), current, "owner2", "demo", "Approved for deployment");
		assertThat(deployed.status()).isEqualTo(Status.DEPLOYED);
		assertThat(deployed.contentSha256()).isEqualTo(current);
		assertThat(new String(repository.getResourceAsStream(deployed.deploymentId(), GATE_DMN).readAllBytes(),
				java.nio.charset.StandardCharsets.UTF_8))
			.isEqualTo(resubmitted.content());
		assertThat(audit.page(new AuditQuery("owner2", Set.of(AuditAction.MODEL_DEPLOYED), null,
				deployed.deploymentId(), null, null, null), 0, 5))
			.singleElement()
			.satisfies(entry -> assertThat(entry.details()).contains("\"contentSha256\":\"" + current + "\""));
	}

	private String sha256(long changeId) {
		return Sha256.hex(changes.get(changeId).content());
	}

	private int latestGateDrdVersion() {
		return repository.createDecisionRequirementsDefinitionQuery()
			.decisionRequirementsDefinitionKey(ProductLifecycle.GATE_DRD_KEY)
			.latestVersion()
			.singleResult()
			.getVersion();
	}

}
