package io.scalegate.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * {@link GateEvaluationBenchmark}'s bare DMN engine benchmarks counted per CPU second of
 * the one evaluating thread, so that "per core" holds on a shared machine where
 * wall-clock throughput depends on what else runs. Stock and cached FEEL alternate, three
 * rounds. Run: see docs/benchmarks.md.
 */
public class GateEvaluationPerCpuSecond {

	static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

	public static void main(String[] args) throws Exception {
		double warmUp = args.length > 0 ? Double.parseDouble(args[0]) : 5;
		double measure = args.length > 1 ? Double.parseDouble(args[1]) : 3;
		List<String> feels = List.of("stock", "cached");
		String only = args.length > 2 ? args[2] : "bare";
		Map<String, Function<GateEvaluationBenchmark, Object>> all = new LinkedHashMap<>();
		all.put("bareDmnEngineDemandStabilityTableAlone",
				GateEvaluationBenchmark::bareDmnEngineDemandStabilityTableAlone);
		all.put("bareDmnEngineMassProductionGateDrd", GateEvaluationBenchmark::bareDmnEngineMassProductionGateDrd);
		all.put("bareDmnEngineGateReasonsDrd", GateEvaluationBenchmark::bareDmnEngineGateReasonsDrd);
		all.put("processEngineMassProductionGateWithHistory",
				GateEvaluationBenchmark::processEngineMassProductionGateWithHistory);
		all.put("processEngineMassProductionGateWithoutHistory",
				GateEvaluationBenchmark::processEngineMassProductionGateWithoutHistory);
		List<String> names = all.keySet().stream().filter(name -> name.startsWith(only)).toList();
		List<Function<GateEvaluationBenchmark, Object>> benchmarks = names.stream().map(all::get).toList();
		GateEvaluationBenchmark[] states = new GateEvaluationBenchmark[feels.size()];
		for (int f = 0; f < feels.size(); f++) {
			states[f] = new GateEvaluationBenchmark();
			states[f].feel = feels.get(f);
			states[f].setUp();
			for (Function<GateEvaluationBenchmark, Object> benchmark : benchmarks) {
				perCpuSecond(states[f], benchmark, warmUp);
			}
		}
		for (int round = 1; round <= 3; round++) {
			for (int b = 0; b < benchmarks.size(); b++) {
				for (int f = 0; f < feels.size(); f++) {
					System.out.printf(Locale.ROOT, "round %d %-46s %-6s %,10.0f evaluations per CPU second%n", round,
							names.get(b), feels.get(f), perCpuSecond(states[f], benchmarks.get(b), measure));
				}
			}
		}
		for (GateEvaluationBenchmark state : states) {
			state.tearDown();
		}
	}

	static double perCpuSecond(GateEvaluationBenchmark state, Function<GateEvaluationBenchmark, Object> benchmark,
			double cpuSeconds) {
		long start = CPU.getCurrentThreadCpuTime();
		long end = start + (long) (cpuSeconds * 1e9);
		long count = 0;
		long now;
		do {
			for (int i = 0; i < 10; i++) {
				if (benchmark.apply(state) == null) {
					throw new IllegalStateException("no result");
				}
			}
			count += 10;
			now = CPU.getCurrentThreadCpuTime();
		}
		while (now < end);
		return count / ((now - start) / 1e9);
	}

}
