package io.scalegate.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.scalegate.ScaleGateTest;
import io.scalegate.Together;
import io.scalegate.audit.AuditQuery;
import io.scalegate.audit.AuditSearch;
import io.scalegate.base.AuditAction;
import io.scalegate.gate.process.Lifecycles;
import io.scalegate.product.Product;
import io.scalegate.product.ProductFilter;
import io.scalegate.product.ProductSearch;
import io.scalegate.product.ProductService;
import io.scalegate.product.ReevaluationProgress;
import io.scalegate.product.Stage;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The re-evaluation of stored verdicts on H2 and PostgreSQL: one node claims a rules
 * version, a failing product is counted and the rest go on, a run whose node stopped is
 * taken over, and the filters leave out verdicts of older rules until they are judged
 * again.
 */
@ScaleGateTest
class ReadinessReevaluationPersistenceTest {

	@Autowired
	ReadinessReevaluation reevaluation;

	@Autowired
	ReadinessCheck readiness;

	@Autowired
	ProductService products;

	@Autowired
	ProductSearch search;

	@Autowired
	Lifecycles lifecycles;

	@Autowired
	AuditSearch audit;

	@Autowired
	JdbcClient jdbc;

	int deployed;

	/**
	 * Rules older than any deployed: a verdict of a deployed older version with the same
	 * file would be carried over rather than judged again.
	 */
	static final int OLDER = 0;

	@BeforeEach
	void judgedUnderTheDeployedRules() {
		Reevaluations.awaitIdle(reevaluation);
		deployed = readiness.deployedRulesVersion();
		forget();
	}

	final List<Product> created = new java.util.ArrayList<>();

	@AfterEach
	void forget() {
		// nothing left for a later check to re-judge in the middle of another test
		for (Product product : created) {
			if (products.get(product.partNumber()).stage().running()) {
				readiness.refresh(product.partNumber());
			}
		}
		jdbc.sql("delete from readiness_reevaluation where rules_version = :v").param("v", deployed).update();
	}

	/** A product in prototype whose stored verdict says ready, judged by older rules. */
	private Product readyUnderOlderRules() {
		Product product = lifecycles.aProduct(false);
		products.recordReadiness(product.partNumber(), ProductFilter.READY, List.of(), OLDER, "{}");
		created.add(product);
		return product;
	}

	private long gateReady(Product product) {
		return search.count(new ProductFilter(product.partNumber(), Set.of(), null, null, true, null));
	}

	@Test
	void verdictsOfOlderRulesAreLeftOutOfTheFiltersUntilJudgedAgain() {
		Product product = readyUnderOlderRules();
		assertThat(gateReady(product)).as("a verdict of older rules").isZero();
		products.recordReadiness(product.partNumber(), ProductFilter.READY, List.of(), deployed, "{}");
		assertThat(gateReady(product)).as("the same verdict of the deployed rules").isOne();
		products.recordReadiness(product.partNumber(), "STAY_SMALL_BATCH", List.of("TOOLING_NOT_JUSTIFIED"), OLDER,
				"{}");
		assertThat(search
			.count(new ProductFilter(product.partNumber(), Set.of(), null, null, false, "TOOLING_NOT_JUSTIFIED")))
			.isZero();

		assertThat(reevaluation.run()).isTrue();

		Product judged = products.get(product.partNumber());
		assertThat(judged.gateRulesVersion()).isEqualTo(deployed);
		assertThat(judged.gateRecommendation()).as("no evidence: not ready").isNotEqualTo(ProductFilter.READY);
		assertThat(search
			.count(new ProductFilter(product.partNumber(), Set.of(), null, null, false, judged.blockers().get(0))))
			.isOne();
		ReevaluationProgress progress = reevaluation.progress(deployed).orElseThrow();
		assertThat(progress.finishedAt()).isNotNull();
		assertThat(progress.done()).isEqualTo(progress.total()).isPositive();
		assertThat(progress.changed()).isPositive();
		assertThat(progress.running()).isFalse();
	}

	@Test
	void aProductThatFailsIsCountedKeepsItsOldVerdictAndTheRestGoOn() {
		Product first = readyUnderOlderRules();
		Product failing = readyUnderOlderRules();
		Product last = readyUnderOlderRules();

		assertThat(reevaluation.run(partNumber -> {
			if (partNumber.equals(failing.partNumber())) {
				throw new IllegalStateException("evidence unreadable");
			}
			return readiness.refresh(partNumber);
		})).isTrue();

		assertThat(products.get(first.partNumber()).gateRulesVersion()).isEqualTo(deployed);
		assertThat(products.get(last.partNumber()).gateRulesVersion()).isEqualTo(deployed);
		assertThat(products.get(failing.partNumber()).gateRulesVersion()).isEqualTo(OLDER);
		assertThat(gateReady(failing)).as("its old verdict stays out of the filters").isZero();
		ReevaluationProgress progress = reevaluation.progress(deployed).orElseThrow();
		assertThat(progress.failed()).isOne();
		assertThat(progress.done()).isEqualTo(progress.total());
		assertThat(audit.page(new AuditQuery("system", Set.of(AuditAction.READINESS_REEVALUATION_FINISHED), null,
				ProductLifecycle.GATE_DRD_KEY + ":" + deployed, null, null, null), 0, 1))
			.singleElement()
			.satisfies(entry -> assertThat(entry.details()).contains("\"failed\":1"));

		assertThat(reevaluation.run()).as("failures wait for the next rules version, not retried in a loop").isFalse();
	}

	@Test
	void productsThatNoLongerRunKeepTheirVerdict() {
		Product product = readyUnderOlderRules();
		jdbc.sql("update product set stage = 'CANCELLED' where part_number = :p")
			.param("p", product.partNumber())
			.update();

		reevaluation.run();

		assertThat(products.get(product.partNumber()).gateRulesVersion()).isEqualTo(OLDER);
		assertThat(Stage.CANCELLED.running()).isFalse();
	}

	@Test
	void twoNodesStartingAtOnceRunItOnce() throws Exception {
		readyUnderOlderRules();
		readyUnderOlderRules();
		AuditQuery started = new AuditQuery("system", Set.of(AuditAction.READINESS_REEVALUATION_STARTED), null,
				ProductLifecycle.GATE_DRD_KEY + ":" + deployed, null, null, null);
		int before = audit.page(started, 0, 100).size();

		List<Object> outcomes = Together.times(2, () -> reevaluation.run());

		assertThat(outcomes).containsExactlyInAnyOrder(true, false);
		assertThat(audit.page(started, 0, 100)).hasSize(before + 1);
		assertThat(reevaluation.progress(deployed).orElseThrow().finishedAt()).isNotNull();
	}

	@Test
	void aRunWhoseNodeStoppedIsTakenOverAndGoesOn() {
		Product product = readyUnderOlderRules();
		Instant longAgo = Instant.now().minus(10, ChronoUnit.MINUTES);
		jdbc.sql("insert into readiness_reevaluation (rules_version, total, done, failed, changed, node, started_at,"
				+ " heartbeat_at) values (:v, 500, 400, 1, 7, 'node-that-died', :at, :at)")
			.param("v", deployed)
			.param("at", Timestamp.from(longAgo))
			.update();
		assertThat(reevaluation.progress(deployed).orElseThrow().stalled()).isTrue();
		assertThat(reevaluation.reevaluation().orElseThrow().running()).isFalse();

		assertThat(reevaluation.run()).isTrue();

		assertThat(products.get(product.partNumber()).gateRulesVersion()).isEqualTo(deployed);
		ReevaluationProgress progress = reevaluation.progress(deployed).orElseThrow();
		assertThat(progress.node()).isNotEqualTo("node-that-died");
		assertThat(progress.done()).isGreaterThan(400);
		assertThat(progress.failed()).isOne();
		assertThat(progress.finishedAt()).isNotNull();
		assertThat(audit.page(new AuditQuery("system", Set.of(AuditAction.READINESS_REEVALUATION_STARTED), null,
				ProductLifecycle.GATE_DRD_KEY + ":" + deployed, null, null, null), 0, 1))
			.singleElement()
			.satisfies(entry -> assertThat(entry.details()).contains("\"resumed\":true"));
	}

	@Test
	void aRunOnAnotherNodeThatReportsIsLeftAlone() {
		readyUnderOlderRules();
		jdbc.sql("insert into readiness_reevaluation (rules_version, total, done, failed, changed, node, started_at,"
				+ " heartbeat_at) values (:v, 10, 3, 0, 0, 'other-node', :at, :at)")
			.param("v", deployed)
			.param("at", Timestamp.from(Instant.now()))
			.update();

		assertThat(reevaluation.run()).isFalse();
		assertThat(reevaluation.reevaluation().orElseThrow().running()).isTrue();
	}

}
