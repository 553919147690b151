package io.scalegate.model.impact;

import io.scalegate.model.ModelProblem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a draft of the gate rules would change for the running products (prototype and
 * small batch): how many were judged, which change verdict (sorted by part number), how
 * many per change of recommendation, the deployed gate rules version compared against and
 * the oldest stored readiness the inputs come from ({@code asOf}). A draft that fails
 * validation is not evaluated: its {@code problems} are given instead. A change without
 * the gate rules has {@code gateRules} false and a {@code note} saying so.
 *
 * @param computedLive running products without a stored readiness, whose inputs were
 * computed from their evidence for this report
 * @param notEvaluated running products for which the draft fails to evaluate (a FEEL
 * error at run time; the {@code note} gives the first); they are not in {@code changed}
 */
public record ImpactReport(boolean gateRules, int products, List<VerdictChange> changed,
		Map<String, Integer> transitions, Integer rulesVersion, Instant asOf, int computedLive, int notEvaluated,
		String note, List<ModelProblem> problems) {

	/** How many part numbers the trail's summary names at most. */
	static final int NAMED = 10;

	static ImpactReport refused(List<ModelProblem> problems) {
		return new ImpactReport(false, 0, List.of(), Map.of(), null, null, 0, 0,
				"not evaluated: the draft fails validation, and ScaleGate evaluates no model that does", problems);
	}

	static ImpactReport withoutGateRules(int products, String note) {
		return new ImpactReport(false, products, List.of(), Map.of(), null, null, 0, 0, note, List.of());
	}

	static ImpactReport of(int products, List<VerdictChange> changed, Integer rulesVersion, Instant asOf,
			int computedLive, int notEvaluated, String note) {
		Map<String, Integer> transitions = new LinkedHashMap<>();
		changed.stream()
			.map(VerdictChange::transition)
			.sorted()
			.forEach(transition -> transitions.merge(transition, 1, Integer::sum));
		return new ImpactReport(true, products, List.copyOf(changed), transitions, rulesVersion, asOf, computedLive,
				notEvaluated, note, List.of());
	}

	/** Evaluated: it passed validation. */
	public boolean evaluated() {
		return problems.isEmpty();
	}

	/**
	 * One bounded line for the audit trail: n judged, k changed, the counts per change
	 * and the first part numbers.
	 */
	public String summary() {
		if (!evaluated()) {
			return "not evaluated: the draft fails validation";
		}
		if (!gateRules) {
			return products + " running products; " + note;
		}
		StringBuilder text = new StringBuilder(
				products + " running products judged; " + changed.size() + " would change verdict");
		if (notEvaluated > 0) {
			text.append("; the draft fails to evaluate for ").append(notEvaluated);
		}
		if (!changed.isEmpty()) {
			List<String> counts = new ArrayList<>();
			transitions.forEach((transition, count) -> counts.add(transition + ": " + count));
			text.append(" (").append(String.join(", ", counts)).append(')');
			List<String> named = changed.stream().limit(NAMED).map(VerdictChange::partNumber).toList();
			text.append("; ")
				.append(String.join(", ", named))
				.append(changed.size() > NAMED ? " and " + (changed.size() - NAMED) + " more" : "");
		}
		String line = text.toString();
		return line.length() <= 1000 ? line : line.substring(0, 999) + "…";
	}

}
