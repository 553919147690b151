package io.scalegate.model.impact;

import static io.scalegate.gate.ProductLifecycle.CUSTOMER_FEEDBACK_SUMMARY;
import static io.scalegate.gate.ProductLifecycle.MASS_PRODUCTION_GATE;

import io.scalegate.gate.GateInputs;
import io.scalegate.gate.ReadinessCheck;
import io.scalegate.model.ModelFile;
import io.scalegate.model.ModelProblem;
import io.scalegate.model.ModelValidation;
import io.scalegate.model.cases.DecisionCaseRunner;
import io.scalegate.product.Stage;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.engine.repository.DecisionRequirementsDefinition;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The impact of a rule change: a draft of the gate decisions (the gate DRD) evaluated
 * against every running product's gate inputs, beside the deployed gate rules on the same
 * inputs, so that only the rules differ. A product's inputs are those its stored
 * readiness was judged on (refreshed on every evidence change and sign-off); a running
 * product without a stored readiness has its inputs computed from its evidence. The
 * deployed rules' verdict is the stored one when the deployed rules judged it (it is
 * their verdict on these very inputs), else it is evaluated. The stored snapshots are
 * read in one query, the draft is parsed once, and the products are evaluated in
 * parallel. A draft that fails validation is never evaluated (it may hold code), as
 * {@link DecisionCaseRunner} does.
 */
@Service
public class RuleChangeImpact {

	static final String NO_GATE_RULES = "no gate rules in this change: only a draft of the gate decisions "
			+ "(massProductionGate and the decisions it requires) changes verdicts";

	static final String FEEDBACK_NOT_COVERED = "the customerFeedbackSummary decision feeds the gate input "
			+ "customerFeedback, but the stored inputs keep the summary, not the feedback counts: "
			+ "the impact of this change is not computed";

	private final ReadinessCheck readiness;

	private final ModelValidation validation;

	private final JdbcClient jdbc;

	RuleChangeImpact(ReadinessCheck readiness, ModelValidation validation, JdbcClient jdbc) {
		this.readiness = readiness;
		this.validation = validation;
		this.jdbc = jdbc;
	}

	/** The impact of one draft file (a model change's content). */
	public ImpactReport of(String fileName, String content) {
		return of(List.of(new ModelFile(fileName, content.getBytes(StandardCharsets.UTF_8))));
	}

	/**
	 * The impact of {@code files} (validated together, as {@code /api/models/validate}
	 * does): the gate DRD among them replacing the deployed one.
	 */
	public ImpactReport of(Collection<ModelFile> files) {
		List<ModelProblem> problems = validation.validate(files);
		if (!problems.isEmpty()) {
			return ImpactReport.refused(problems);
		}
		List<Set<String>> keys = files.stream()
			.filter(file -> ModelValidation.kind(file).equals("dmn"))
			.map(file -> DecisionCaseRunner.decisionKeys(new String(file.content(), StandardCharsets.UTF_8)))
			.toList();
		Optional<ModelFile> gate = files.stream()
			.filter(file -> ModelValidation.kind(file).equals("dmn"))
			.filter(file -> DecisionCaseRunner.decisionKeys(new String(file.content(), StandardCharsets.UTF_8))
				.contains(MASS_PRODUCTION_GATE))
			.findFirst();
		if (gate.isEmpty()) {
			boolean feedback = keys.stream().anyMatch(fileKeys -> fileKeys.contains(CUSTOMER_FEEDBACK_SUMMARY));
			return ImpactReport.withoutGateRules(runningProducts(),
					feedback ? NO_GATE_RULES + "; " + FEEDBACK_NOT_COVERED : NO_GATE_RULES);
		}
		return against(readiness.parse(gate.get().content()));
	}

	private int runningProducts() {
		return jdbc.sql("select count(*) from product where stage in (:stages)")
			.param("stages", stages())
			.query(Integer.class)
			.single();
	}

	private ImpactReport against(Map<String, DmnDecision> draft) {
		DecisionRequirementsDefinition rules = readiness.deployedRules();
		Map<String, DmnDecision> now = readiness.decisions(rules);
		int version = rules.getVersion();
		List<Snapshot> snapshots = jdbc
			.sql("select part_number, gate_inputs, readiness_evaluated_at, gate_recommendation, gate_blockers, "
					+ "gate_rules_version from product where stage in (:stages) order by part_number")
			.param("stages", stages())
			.query((row, number) -> new Snapshot(row.getString(1), row.getString(2), instant(row.getTimestamp(3)),
					row.getString(4), row.getString(5), (Integer) row.getObject(6, Integer.class)))
			.list();
		// the inputs first, in this thread (a product without a stored snapshot reads its
		// evidence), then both rule sets on them, in parallel: evaluation reads no data
		List<Judged> judged = new ArrayList<>(snapshots.size());
		Instant asOf = null;
		int live = 0;
		for (Snapshot snapshot : snapshots) {
			Optional<GateInputs> stored = readiness.storedInputs(snapshot.inputs());
			if (stored.isPresent()) {
				if (snapshot.evaluatedAt() != null && (asOf == null || snapshot.evaluatedAt().isBefore(asOf))) {
					asOf = snapshot.evaluatedAt();
				}
				// the stored verdict is the deployed rules' on these very inputs
				Verdict verdict = snapshot.recommendation() != null
						&& Integer.valueOf(version).equals(snapshot.version())
								? Verdict.stored(snapshot.recommendation(), snapshot.blockers()) : null;
				judged.add(new Judged(snapshot.partNumber(), stored.get(), verdict));
			}
			else {
				judged.add(new Judged(snapshot.partNumber(), readiness.currentInputs(snapshot.partNumber()), null));
				live++;
			}
		}
		List<Outcome> outcomes = judged.parallelStream().map(product -> {
			Verdict before = product.now() != null ? product.now()
					: Verdict.of(readiness.evaluate(now, product.inputs(), version));
			try {
				Verdict after = Verdict.of(readiness.evaluate(draft, product.inputs(), 0));
				return new Outcome(VerdictChange.between(product.partNumber(), before, after), null);
			}
			catch (RuntimeException fails) {
				return new Outcome(null,
						"the draft fails to evaluate for " + product.partNumber() + ": " + fails.getMessage());
			}
		}).toList();
		List<VerdictChange> changed = outcomes.stream().map(Outcome::change).filter(Objects::nonNull).toList();
		int failed = (int) outcomes.stream().filter(outcome -> outcome.failure() != null).count();
		String failure = outcomes.stream().map(Outcome::failure).filter(Objects::nonNull).findFirst().orElse(null);
		return ImpactReport.of(snapshots.size(), changed, version, asOf, live, failed, failure);
	}

	private static List<String> stages() {
		return Stage.runningStages().stream().map(Stage::name).toList();
	}

	private static Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

	private record Snapshot(String partNumber, String inputs, Instant evaluatedAt, String recommendation,
			String blockers, Integer version) {
	}

	/** A product's inputs, and the deployed rules' verdict on them when it is stored. */
	private record Judged(String partNumber, GateInputs inputs, Verdict now) {
	}

	private record Outcome(VerdictChange change, String failure) {
	}

}
