package io.scalegate.bench;

import static io.scalegate.gate.ProductLifecycle.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.scalegate.ScaleGateTest;
import io.scalegate.evidence.CapabilityStudyEntry;
import io.scalegate.evidence.CostEstimateEntry;
import io.scalegate.evidence.EvidenceRecorder;
import io.scalegate.evidence.FeedbackRating;
import io.scalegate.evidence.OrderEntry;
import io.scalegate.evidence.Result;
import io.scalegate.evidence.SmallBatchEntry;
import io.scalegate.gate.process.Lifecycles;
import io.scalegate.product.Product;
import io.scalegate.security.SigningCredentials;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.DataSourceBuilder;

/**
 * Load driver, not a unit test (excluded from the build): one full lifecycle (register a
 * product, record its evidence, Gate 1, the three readiness sign-offs, the gate
 * evaluation, the gate review) through ScaleGate's own services, against the bare Camunda
 * engine running the same BPMN, DMNs and forms. "Bare" is a second, standalone engine
 * (Camunda's {@code StandaloneProcessEngineConfiguration}: no Spring, no ScaleGate
 * plugin, history full like ScaleGate's) on its own database of the same kind
 * ({@code bare.db.url}, default a second H2 in memory), deploying a copy of the BPMN in
 * which every ScaleGate delegate is the no-op expression {@code ${true}} and the
 * {@code gateEvaluated} listener is removed; it is driven by plain
 * RuntimeService/TaskService calls (start with the gate inputs ScaleGate computed from
 * the evidence, claim and complete each task with the values ScaleGate's run signs). Both
 * run one lifecycle after another on one thread. Run:
 * {@code ./mvnw test -Dtest=LifecycleThroughputBenchmark -Dlifecycles=200}; results go to
 * docs/benchmarks.md.
 */
@ScaleGateTest
class LifecycleThroughputBenchmark {

	static final Set<String> SET_BY_THE_PROCESS = Set.of("gateRecommendation", "gateReasons", "designFrozen",
			"inspectionStandardApproved", "materialConfirmed", "surfaceFinishConfirmed", "supplierApproved",
			"prototypeDecision", "gateDecision", "overrideReason");

	@Autowired
	Lifecycles lifecycles;

	@Autowired
	EvidenceRecorder recorder;

	@Autowired
	RuntimeService runtime;

	@Autowired
	SigningCredentials credentials;

	@Autowired
	Clock clock;

	@Test
	void timesLifecycles() throws IOException {
		int count = Integer.getInteger("lifecycles", 200);
		int warmUp = Integer.getInteger("lifecycles.warmup", 20);

		// one ScaleGate lifecycle to learn the gate inputs the bare engine is given
		Map<String, Object> gateInputs = new HashMap<>();
		Phases first = new Phases();
		scaleGateLifecycle(first, gateInputs);
		System.out.println("LIFECYCLE-BENCH gate inputs given to the bare engine: " + gateInputs);

		ProcessEngine bare = bareEngine();
		try {
			for (int i = 0; i < warmUp; i++) {
				scaleGateLifecycle(new Phases(), null);
				bareLifecycle(bare, "W" + i, gateInputs);
			}
			// verify once: PIN/password check alone (REQUIRES_NEW transaction, BCrypt)
			long verifyNanos = 0;
			for (int i = 0; i < 20; i++) {
				long t = System.nanoTime();
				credentials.verify("engineer", "demo");
				verifyNanos += System.nanoTime() - t;
			}
			double verifyMs = verifyNanos / 20 / 1e6;
			System.out.printf("LIFECYCLE-BENCH signing password check alone: %.1f ms%n", verifyMs);

			List<String> rounds = new ArrayList<>();
			for (int round = 0; round < 2; round++) {
				Phases phases = new Phases();
				long t = System.nanoTime();
				for (int i = 0; i < count / 2; i++) {
					scaleGateLifecycle(phases, null);
				}
				double scaleGateSeconds = (System.nanoTime() - t) / 1e9;
				t = System.nanoTime();
				for (int i = 0; i < count / 2; i++) {
					bareLifecycle(bare, "R" + round + "-" + i, gateInputs);
				}
				double bareSeconds = (System.nanoTime() - t) / 1e9;
				int n = count / 2;
				double scaleGateRate = n / scaleGateSeconds;
				double withoutEvidence = n / (scaleGateSeconds - phases.evidence / 1e9);
				double withoutEvidenceAndBcrypt = n
						/ (scaleGateSeconds - phases.evidence / 1e9 - n * 5 * verifyMs / 1e3);
				double bareRate = n / bareSeconds;
				String line = String.format(
						"LIFECYCLE-BENCH round %d | n %d | bare %.2f /s | ScaleGate %.2f /s (%.2f of bare) | ScaleGate without "
								+ "evidence recording %.2f /s (%.2f) | also without the 5 signing password checks %.2f /s (%.2f) | "
								+ "ScaleGate ms per lifecycle: register %.1f, evidence (21 records) %.1f, gate 1 %.1f, "
								+ "3 sign-offs + evaluation %.1f, gate review %.1f | bare ms per lifecycle %.1f",
						round + 1, n, bareRate, scaleGateRate, scaleGateRate / bareRate, withoutEvidence,
						withoutEvidence / bareRate, withoutEvidenceAndBcrypt, withoutEvidenceAndBcrypt / bareRate,
						phases.register / 1e6 / n, phases.evidence / 1e6 / n, phases.gate1 / 1e6 / n,
						phases.signOffs / 1e6 / n, phases.gateReview / 1e6 / n, bareSeconds * 1e3 / n);
				rounds.add(line);
				System.out.println(line);
			}
			rounds.forEach(System.out::println);
		}
		finally {
			bare.close();
		}
	}

	static class Phases {

		long register, evidence, gate1, signOffs, gateReview;

	}

	private void scaleGateLifecycle(Phases phases, Map<String, Object> gateInputs) {
		long t0 = System.nanoTime();
		Product product = lifecycles.aProduct(false);
		long t1 = System.nanoTime();
		readyForGate2(product);
		long t2 = System.nanoTime();
		lifecycles.passGate1(product);
		long t3 = System.nanoTime();
		lifecycles.signAllReadiness(product);
		long t4 = System.nanoTime();
		String processInstanceId = lifecycles.instance(product).getId();
		if (gateInputs != null) {
			runtime.getVariables(processInstanceId).forEach((name, value) -> {
				if (!SET_BY_THE_PROCESS.contains(name) && (value == null || value instanceof String
						|| value instanceof Number || value instanceof Boolean || value instanceof Date)) {
					gateInputs.put(name, value);
				}
			});
		}
		String recommendation = (String) runtime.getVariable(processInstanceId, "gateRecommendation");
		assertThat(recommendation).isEqualTo("GO_MASS_PRODUCTION");
		long t5 = System.nanoTime();
		lifecycles.decideGate(product, recommendation, null);
		long t6 = System.nanoTime();
		phases.register += t1 - t0;
		phases.evidence += t2 - t1;
		phases.gate1 += t3 - t2;
		phases.signOffs += t4 - t3;
		phases.gateReview += t6 - t5;
	}

	/**
	 * As Lifecycles.aProductReadyForGate2: 12 months of stable demand, a qualified
	 * supplier, tooling that pays back, two positive feedbacks.
	 */
	private void readyForGate2(Product product) {
		LocalDate today = LocalDate.now(clock);
		int[] pattern = { 1000, 1100, 900, 1000 };
		LocalDate firstMonth = today.withDayOfMonth(1).minusMonths(12);
		for (int i = 0; i < 12; i++) {
			recorder.record(product.partNumber(),
					new OrderEntry(firstMonth.plusMonths(i), pattern[i % pattern.length], "Test customer"), "quality");
		}
		LocalDate firstBatch = today.minusMonths(6);
		for (int i = 0; i < 5; i++) {
			recorder.record(product.partNumber(), new SmallBatchEntry("B" + i, 200, Result.PASS, Result.PASS,
					Result.PASS, firstBatch.plusMonths(i), firstBatch.plusMonths(i)), "supplier");
		}
		recorder.record(product.partNumber(), new CapabilityStudyEntry("Bore", today.minusDays(5),
				new BigDecimal("9.9"), new BigDecimal("10.1"), new BigDecimal("10.0"), new BigDecimal("0.02"), 50),
				"quality");
		recorder.record(product.partNumber(), new CostEstimateEntry(today.minusDays(3), "EUR", new BigDecimal("12.00"),
				new BigDecimal("5.00"), new BigDecimal("50000"), 20000), "engineer");
		lifecycles.feedback(product, FeedbackRating.POSITIVE);
		lifecycles.feedback(product, FeedbackRating.POSITIVE);
	}

	private static void bareLifecycle(ProcessEngine bare, String suffix, Map<String, Object> gateInputs) {
		String businessKey = "BARE-" + suffix;
		RuntimeService bareRuntime = bare.getRuntimeService();
		TaskService bareTasks = bare.getTaskService();
		String id = bareRuntime.startProcessInstanceByKey(PROCESS_KEY + "Bare", businessKey, gateInputs).getId();
		complete(bareTasks, businessKey, PROTOTYPE_REVIEW, "engineer", Map.of("prototypeDecision", "GO"));
		complete(bareTasks, businessKey, DESIGN_FREEZE_SIGN_OFF, "engineer", Map.of("designFrozen", true));
		complete(bareTasks, businessKey, INSPECTION_STANDARD_APPROVAL, "quality",
				Map.of("inspectionStandardApproved", true, "materialConfirmed", true, "surfaceFinishConfirmed", true));
		complete(bareTasks, businessKey, SUPPLIER_QUALIFICATION, "supplier", Map.of("supplierApproved", true));
		String recommendation = (String) bareRuntime.getVariable(id, "gateRecommendation");
		assertThat(recommendation).isEqualTo("GO_MASS_PRODUCTION");
		Map<String, Object> decision = new HashMap<>();
		decision.put("gateDecision", recommendation);
		decision.put("overrideReason", null);
		complete(bareTasks, businessKey, GATE_REVIEW, "gatekeeper", decision);
	}

	private static void complete(TaskService tasks, String businessKey, String taskKey, String user,
			Map<String, Object> variables) {
		Task task = tasks.createTaskQuery()
			.processInstanceBusinessKey(businessKey)
			.taskDefinitionKey(taskKey)
			.singleResult();
		tasks.claim(task.getId(), user);
		tasks.complete(task.getId(), variables);
	}

	private static ProcessEngine bareEngine() throws IOException {
		String url = System.getProperty("bare.db.url", "jdbc:h2:mem:bare;DB_CLOSE_DELAY=-1");
		DataSource dataSource = DataSourceBuilder.create()
			.url(url)
			.username(url.startsWith("jdbc:h2") ? "sa"
					: System.getenv().getOrDefault("SCALEGATE_TEST_DB_USER", "scalegate"))
			.password(url.startsWith("jdbc:h2") ? ""
					: System.getenv().getOrDefault("SCALEGATE_TEST_DB_PASSWORD", "scalegate"))
			.build();
		ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
			.createStandaloneProcessEngineConfiguration();
		configuration.setProcessEngineName("bareBench");
		configuration.setDataSource(dataSource);
		configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
		configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
		configuration.setJobExecutorActivate(false);
		ProcessEngine engine = configuration.buildProcessEngine();
		String bpmn = Files.readString(Path.of("bpmn/product-lifecycle.bpmn"))
			.replaceAll("<camunda:executionListener [^>]*/>", "")
			.replaceAll("camunda:delegateExpression=\"\\$\\{[A-Za-z]+\\}\"", "camunda:expression=\"\\${true}\"")
			.replace("<bpmn:process id=\"productLifecycle\"", "<bpmn:process id=\"productLifecycleBare\"");
		assertThat(bpmn).doesNotContain("delegateExpression").contains("productLifecycleBare");
		DeploymentBuilder deployment = engine.getRepositoryService()
			.createDeployment()
			.name("bare")
			.addString("product-lifecycle-bare.bpmn", bpmn);
		for (String file : List.of("bpmn/mass-production-gate.dmn", "bpmn/customer-feedback.dmn",
				"forms/design-freeze-sign-off.form", "forms/gate-review.form",
				"forms/inspection-standard-approval.form", "forms/prototype-review.form",
				"forms/supplier-qualification.form")) {
			deployment.addString(Path.of(file).getFileName().toString(), Files.readString(Path.of(file)));
		}
		deployment.deploy();
		return engine;
	}

}
