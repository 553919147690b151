package io.scalegate.gate.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.scalegate.ScaleGateTest;
import io.scalegate.audit.AuditQuery;
import io.scalegate.audit.AuditSearch;
import io.scalegate.base.AuditAction;
import io.scalegate.evidence.CostEstimateEntry;
import io.scalegate.evidence.EvidenceRecorder;
import io.scalegate.evidence.FeedbackRating;
import io.scalegate.gate.ProductLifecycle;
import io.scalegate.gate.ReadinessCheck;
import io.scalegate.gate.ReadinessReevaluation;
import io.scalegate.gate.Reevaluations;
import io.scalegate.model.change.GovernedDeployment;
import io.scalegate.model.change.HarmlessChanges;
import io.scalegate.model.change.ModelChanges;
import io.scalegate.product.Product;
import io.scalegate.product.ProductFilter;
import io.scalegate.product.ProductSearch;
import io.scalegate.product.ProductService;
import io.scalegate.product.ReevaluationProgress;
import io.scalegate.product.Stage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A new version of the gate rules is deployed: every running product's stored verdict is
 * judged again in the background, and a product the new rules let through shows under
 * "gate ready" only once it was judged by them. A deployment that leaves the gate rules
 * as they were carries the verdicts over. The shipped rules are deployed again after each
 * test (the shared context's other tests expect them).
 */
@ScaleGateTest
class ReadinessReevaluationProcessTest {

	static final String GATE_DMN = "bpmn/mass-production-gate.dmn";

	@Autowired
	Lifecycles lifecycles;

	@Autowired
	EvidenceRecorder recorder;

	@Autowired
	ReadinessCheck readiness;

	@Autowired
	ReadinessReevaluation reevaluation;

	@Autowired
	ProductService products;

	@Autowired
	ProductSearch search;

	@Autowired
	RepositoryService repository;

	@Autowired
	ModelChanges changes;

	@Autowired
	AuditSearch audit;

	@Autowired
	Clock clock;

	byte[] shipped;

	@BeforeEach
	void judgedUnderTheDeployedRules() {
		Reevaluations.awaitIdle(reevaluation);
	}

	@AfterEach
	void deployTheShippedRulesAgain() throws IOException {
		if (shipped != null) {
			deployGateRules(shipped);
			shipped = null;
		}
		Reevaluations.awaitIdle(reevaluation);
	}

	@Test
	void aLooserToolingHurdleJudgesEveryRunningProductAgainAndOnlyThenLetsOneThrough() throws IOException {
		Product product = toolingPayingBackInTheSecondYear();
		assertThat(product.gateRecommendation()).isNotEqualTo(ProductFilter.READY);
		assertThat(product.blockers()).contains("TOOLING_NOT_JUSTIFIED");
		assertThat(gateReady(product)).isZero();
		int before = readiness.deployedRulesVersion();

		shipped = gateRules();
		String loosened = new String(shipped, StandardCharsets.UTF_8).replace("<text>&lt;= 1</text>",
				"<text>&lt;= 2</text>");
		assertThat(loosened).isNotEqualTo(new String(shipped, StandardCharsets.UTF_8));
		deployGateRules(loosened.getBytes(StandardCharsets.UTF_8));
		int loose = readiness.deployedRulesVersion();
		assertThat(loose).isEqualTo(before + 1);

		Reevaluations.awaitIdle(reevaluation);

		Product judged = products.get(product.partNumber());
		assertThat(judged.gateRulesVersion()).isEqualTo(loose);
		assertThat(judged.gateRecommendation()).isEqualTo(ProductFilter.READY);
		assertThat(gateReady(product)).isOne();
		ReevaluationProgress progress = reevaluation.progress(loose).orElseThrow();
		assertThat(progress.finishedAt()).isNotNull();
		assertThat(progress.done()).isEqualTo(progress.total()).isPositive();
		assertThat(progress.changed()).isPositive();
		assertThat(products.countJudgedBefore(loose)).as("every running product judged by v" + loose + " but failures")
			.isEqualTo(progress.failed());
		assertThat(search.count(new ProductFilter(null, Set.of(Stage.SMALL_BATCH), null, null, true, null)))
			.isPositive();
		for (AuditAction action : new AuditAction[] { AuditAction.READINESS_REEVALUATION_STARTED,
				AuditAction.READINESS_REEVALUATION_FINISHED }) {
			assertThat(audit.page(new AuditQuery("system", Set.of(action), null,
					ProductLifecycle.GATE_DRD_KEY + ":" + loose, null, null, null), 0, 5))
				.as(action.name())
				.hasSize(1);
		}
	}

	@Test
	void aDeploymentThatLeavesTheGateRulesAsTheyWereCarriesTheVerdictsOver() {
		Product product = toolingPayingBackInTheSecondYear();
		int before = readiness.deployedRulesVersion();

		HarmlessChanges.deployNewLifecycleVersion(changes);
		Reevaluations.awaitIdle(reevaluation);

		int after = readiness.deployedRulesVersion();
		assertThat(after).as("every deployment brings all models again").isEqualTo(before + 1);
		Product carried = products.get(product.partNumber());
		assertThat(carried.gateRulesVersion()).isEqualTo(after);
		assertThat(carried.readinessEvaluatedAt()).as("not judged again").isEqualTo(product.readinessEvaluatedAt());
		assertThat(reevaluation.progress(after)).as("nothing to re-judge").isEmpty();
	}

	/**
	 * Demand, supplier and sign-offs meet the gate; tooling pays back in about 1.4 years
	 * (50,000 at 7 saved per unit on 5,000 a year): marginal under the shipped rules.
	 */
	private Product toolingPayingBackInTheSecondYear() {
		Product product = lifecycles.aProduct(false);
		lifecycles.stableDemand(product, 12);
		lifecycles.qualifiedSupplier(product);
		recorder.record(product.partNumber(), new CostEstimateEntry(LocalDate.now(clock).minusDays(3), "EUR",
				new BigDecimal("12.00"), new BigDecimal("5.00"), new BigDecimal("50000"), 5000), "engineer");
		lifecycles.feedback(product, FeedbackRating.POSITIVE);
		lifecycles.feedback(product, FeedbackRating.POSITIVE);
		lifecycles.passGate1(product);
		lifecycles.signAllReadiness(product);
		readiness.refresh(product.partNumber());
		return products.get(product.partNumber());
	}

	private long gateReady(Product product) {
		return search.count(new ProductFilter(product.partNumber(), Set.of(), null, null, true, null));
	}

	private byte[] gateRules() throws IOException {
		try (InputStream in = repository.getResourceAsStream(changes.latest().getId(), GATE_DMN)) {
			return in.readAllBytes();
		}
	}

	/**
	 * Deploys the models running now with this gate DMN, as the shipped models deploy (no
	 * second process owner: a test fixture).
	 */
	private void deployGateRules(byte[] dmn) throws IOException {
		Deployment latest = changes.latest();
		DeploymentBuilder deployment = repository.createDeployment()
			.name("scalegate-test-gate-rules")
			.source("scalegate-test");
		for (String name : repository.getDeploymentResourceNames(latest.getId())) {
			try (InputStream in = repository.getResourceAsStream(latest.getId(), name)) {
				byte[] content = name.equals(GATE_DMN) ? dmn : in.readAllBytes();
				deployment.addInputStream(name, new ByteArrayInputStream(content));
			}
		}
		GovernedDeployment.shipped(deployment::deploy);
	}

}
