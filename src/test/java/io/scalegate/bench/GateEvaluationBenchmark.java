package io.scalegate.bench;

import io.scalegate.gate.feel.CachedFeelEngineFactory;
import io.scalegate.gate.feel.FeelExpressionCachePlugin;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Decisions per second for ScaleGate's gate DRD: the bare DMN engine (the DRD, its
 * reasons table, and one small table alone) against the process engine's DecisionService,
 * which also writes history (H2 in memory; and once with history off, to show what the
 * history costs). {@code feel}: Camunda's own FEEL engine factory ({@code stock}) or
 * ScaleGate's, which parses each expression once ({@code cached}, docs/adr/0017). Run:
 * see docs/benchmarks.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class GateEvaluationBenchmark {

	@Param({ "stock", "cached" })
	String feel;

	DmnEngine dmn;

	Map<String, DmnDecision> decisions = new HashMap<>();

	ProcessEngine engine;

	ProcessEngine engineWithoutHistory;

	DecisionService decisionServiceWithoutHistory;

	DecisionService decisionService;

	Map<String, Object> inputs;

	@Setup(Level.Trial)
	public void setUp() throws Exception {
		CachedFeelEngineFactory cached = new CachedFeelEngineFactory(CachedFeelEngineFactory.DEFAULT_CACHE_SIZE);
		dmn = ((DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration())
			.feelEngineFactory("cached".equals(feel) ? cached : new ScalaFeelEngineFactory())
			.buildEngine();
		for (String file : List.of("bpmn/mass-production-gate.dmn")) {
			try (InputStream in = getClass().getClassLoader().getResourceAsStream(file)) {
				dmn.parseDecisions(in).forEach(d -> decisions.put(d.getKey(), d));
			}
		}
		engine = processEngine("bench", ProcessEngineConfiguration.HISTORY_FULL, cached);
		decisionService = engine.getDecisionService();
		engineWithoutHistory = processEngine("benchnohistory", ProcessEngineConfiguration.HISTORY_NONE, cached);
		decisionServiceWithoutHistory = engineWithoutHistory.getDecisionService();
		inputs = new HashMap<>(Map.ofEntries(Map.entry("demandMonths", 12), Map.entry("demandCv", 0.1),
				Map.entry("toolingInvestment", 50000.0), Map.entry("smallBatchUnitCost", 12.0),
				Map.entry("massUnitCost", 5.0), Map.entry("forecastAnnualVolume", 20000),
				Map.entry("supplierBatchesDelivered", 5), Map.entry("supplierOnTimeRate", 0.98),
				Map.entry("supplierFirstPassYield", 0.99), Map.entry("processCpk", 1.5),
				Map.entry("designFrozen", true), Map.entry("inspectionStandardApproved", true),
				Map.entry("materialConfirmed", true), Map.entry("surfaceFinishConfirmed", false),
				Map.entry("supplierApproved", true), Map.entry("unitCostReductionPriority", true),
				Map.entry("needsSupplyCoordination", false), Map.entry("designChangesLast90Days", 0),
				Map.entry("customerFeedback", "POSITIVE")));
	}

	ProcessEngine processEngine(String name, String history, CachedFeelEngineFactory cached) throws Exception {
		StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
		configuration.setProcessEngineName(name + feel);
		configuration.setJdbcUrl("jdbc:h2:mem:" + name + feel + ";DB_CLOSE_DELAY=-1");
		configuration.setHistory(history);
		configuration.setJobExecutorActivate(false);
		configuration.setHistoryTimeToLive("P1D");
		if ("cached".equals(feel)) {
			configuration.getProcessEnginePlugins().add(new FeelExpressionCachePlugin(cached));
		}
		ProcessEngine built = configuration.buildProcessEngine();
		try (InputStream in = getClass().getClassLoader().getResourceAsStream("bpmn/mass-production-gate.dmn")) {
			built.getRepositoryService().createDeployment().addInputStream("mass-production-gate.dmn", in).deploy();
		}
		return built;
	}

	@TearDown(Level.Trial)
	public void tearDown() {
		engine.close();
		engineWithoutHistory.close();
	}

	@Benchmark
	public Object bareDmnEngineDemandStabilityTableAlone() {
		return dmn.evaluateDecision(decisions.get("demandStability"), inputs).getSingleEntry();
	}

	@Benchmark
	public Object bareDmnEngineMassProductionGateDrd() {
		return dmn.evaluateDecision(decisions.get("massProductionGate"), inputs).getSingleEntry();
	}

	@Benchmark
	public Object bareDmnEngineGateReasonsDrd() {
		return dmn.evaluateDecision(decisions.get("gateReasons"), inputs).collectEntries("reason");
	}

	@Benchmark
	public Object processEngineMassProductionGateWithHistory() {
		return decisionService.evaluateDecisionByKey("massProductionGate")
			.variables(inputs)
			.evaluate()
			.getSingleEntry();
	}

	@Benchmark
	public Object processEngineMassProductionGateWithoutHistory() {
		return decisionServiceWithoutHistory.evaluateDecisionByKey("massProductionGate")
			.variables(inputs)
			.evaluate()
			.getSingleEntry();
	}

}
