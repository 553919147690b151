package io.scalegate.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scalegate.ScaleGateTest;
import io.scalegate.gate.GateInputs;
import io.scalegate.gate.Readiness;
import io.scalegate.gate.ReadinessCheck;
import io.scalegate.model.impact.ImpactReport;
import io.scalegate.model.impact.RuleChangeImpact;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Load driver, not a unit test (excluded from the build): inserts 10,000 running products
 * (prototype and small batch) with stored readiness snapshots, varied so that a looser
 * tooling payback hurdle (two years instead of one) changes the verdict of some, and
 * times the impact of that draft ({@link RuleChangeImpact}: validation, parsing, the one
 * snapshot query, the draft evaluated per product) twice: with the stored verdicts of the
 * deployed rules (the usual case) and with stored verdicts of older rules (right after a
 * deployment: the deployed rules are evaluated too). 3 warm-ups, 10 timed runs, median,
 * p95 (nearest rank) and max. Run:
 * {@code ./mvnw test -Djacoco.skip=true -Dtest=RuleChangeImpactBenchmark} (H2 in memory),
 * add {@code -Dspring.profiles.active=postgresql-test} for PostgreSQL (the server in
 * SCALEGATE_TEST_DB_URL, else an embedded one); {@code -Dimpact.products=N} for another
 * count.
 */
@ScaleGateTest
class RuleChangeImpactBenchmark {

	/**
	 * Tooling investments: paybacks of 0.5, 0.9, 1.5, 2.0 and 3.6 years at 5,600 a year.
	 */
	static final double[] TOOLING = { 2800, 5000, 8400, 11000, 20000 };

	static final double[] DEMAND_CV = { 0.08, 0.1, 0.12, 0.3 };

	@Autowired
	RuleChangeImpact impact;

	@Autowired
	ReadinessCheck readiness;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ObjectMapper json;

	@Test
	void timesTheImpactOfALooserPaybackHurdle() throws Exception {
		int total = Integer.getInteger("impact.products", 10_000);
		String draft = Files.readString(Path.of("bpmn", "mass-production-gate.dmn"))
			.replaceFirst("(<inputEntry id=\"InputEntry_toolingEconomics_2_1\">\\s*<text>)&lt;= 1(</text>)",
					"$1&lt;= 2$2");
		Map<String, Object> base = json.readValue(
				jdbc.queryForObject("select gate_inputs from product where part_number = 'HTS-1210'", String.class),
				new TypeReference<LinkedHashMap<String, Object>>() {
				});
		long started = System.nanoTime();
		Timestamp now = Timestamp.from(Instant.now());
		List<Object[]> rows = new ArrayList<>();
		Map<Map<String, Object>, Readiness> verdicts = new HashMap<>();
		for (int i = 0; i < total; i++) {
			Map<String, Object> inputs = new LinkedHashMap<>(base);
			inputs.put("toolingInvestment", TOOLING[i % TOOLING.length]);
			inputs.put("demandCv", DEMAND_CV[(i / 5) % DEMAND_CV.length]);
			inputs.put("demandMonths", 6 + (i % 3) * 3);
			inputs.put("supplierBatchesDelivered", 2 + i % 5);
			inputs.put("processCpk", 1.2 + (i % 3) * 0.1);
			inputs.put("designFrozen", i % 11 != 0);
			// the verdict a readiness refresh stores with them: the deployed rules' on
			// these inputs
			Readiness verdict = verdicts.computeIfAbsent(inputs,
					values -> readiness.evaluate(new GateInputs(Map.of()).withValues(values)));
			rows.add(new Object[] { String.format("IMP-%06d", i), "Impact part " + (i % 997), "Customer " + (i % 40),
					i % 4 == 0 ? "PROTOTYPE" : "SMALL_BATCH", "owner" + (i % 25), now, json.writeValueAsString(inputs),
					now, verdict.recommendation(),
					verdict.reasons().isEmpty() ? ","
							: "," + String.join(",", verdict.reasons().stream().map(Enum::name).toList()) + ",",
					verdict.rulesVersion() });
			if (rows.size() == 2000 || i == total - 1) {
				jdbc.batchUpdate(
						"insert into product (part_number, name, customer, revision, stage, owner, registered_at, "
								+ "gate_inputs, readiness_evaluated_at, gate_recommendation, gate_blockers, gate_rules_version) "
								+ "values (?, ?, ?, 'A', ?, ?, ?, ?, ?, ?, ?, ?)",
						rows);
				rows.clear();
			}
		}
		try {
			jdbc.execute("analyze product");
		}
		catch (org.springframework.dao.DataAccessException h2) {
			jdbc.execute("analyze table product");
		}
		System.out.printf("IMPACT-BENCH filled %d running products in %.1f s%n", total,
				(System.nanoTime() - started) / 1e9);

		ImpactReport last = time("stored verdicts of the deployed rules (the usual case)", draft, 10);
		assertThat(last.products()).isGreaterThanOrEqualTo(total);
		assertThat(last.changed()).isNotEmpty();
		// right after a deployment, before the background re-evaluation: every stored
		// verdict
		// is of older rules, so the deployed rules are evaluated too
		jdbc.update("update product set gate_rules_version = 0 where part_number like 'IMP-%'");
		ImpactReport stale = time("stored verdicts of older rules (both rule sets evaluated)", draft,
				Integer.getInteger("impact.staleRuns", 10));
		assertThat(stale.changed()).hasSameSizeAs(last.changed());
	}

	private ImpactReport time(String what, String draft, int runs) {
		ImpactReport last = null;
		for (int warm = 0; warm < 3; warm++) {
			last = impact.of("mass-production-gate.dmn", draft);
		}
		List<Double> millis = new ArrayList<>();
		for (int run = 0; run < runs; run++) {
			long t = System.nanoTime();
			last = impact.of("mass-production-gate.dmn", draft);
			millis.add((System.nanoTime() - t) / 1e6);
		}
		double[] sorted = millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
		System.out.printf(
				"IMPACT-BENCH | %s | %d running products judged, %d change verdict %s | median %.0f ms | p95 %.0f ms | max %.0f ms | runs %s | load %.1f%n",
				what, last.products(), last.changed().size(), last.transitions(), sorted[sorted.length / 2],
				sorted[(int) Math.ceil(0.95 * sorted.length) - 1], sorted[sorted.length - 1], Arrays.toString(sorted),
				java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
		return last;
	}

}
