package io.scalegate.history;

import io.scalegate.gate.GateWords;
import io.scalegate.gate.ProductLifecycle;
import io.scalegate.task.Signature;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One gate as it was decided (or waits): the sign-offs before it, what the rules were
 * given and what they answered (each decision's version, outputs and matched rules), the
 * recommendation, and the decision with its signature and any override reason.
 *
 * @param gate "Gate 1" (prototype review) or "Gate 2" (mass production gate)
 * @param evaluatedFor the person on whose behalf the system evaluated the gate rules (who
 * signed the step that led to the evaluation); null when the system evaluated on its own
 * (a timer, new evidence) or the rules were not evaluated
 * @param documents the product's documents on file when the gate was decided (all of them
 * while it waits), newest first, each with its SHA-256
 */
public record GateRecord(String gate, int round, String processInstanceId, String processVersion, Instant openedAt,
		Instant decidedAt, List<Signature> readinessSignatures, List<DecisionTrace> decisions,
		Map<String, Object> inputs, String recommendation, List<String> reasons, String decision, boolean overridden,
		String overrideReason, Signature signature, String evaluatedFor,
		List<io.scalegate.document.Document> documents) {

	/**
	 * The evaluated decisions, each once: a decision both roots require (demand
	 * stability, tooling economics, supplier readiness) is kept as evaluated first.
	 */
	public List<DecisionTrace> distinctDecisions() {
		java.util.Set<String> seen = new java.util.HashSet<>();
		return decisions.stream().filter(trace -> seen.add(trace.key())).toList();
	}

	/**
	 * Who evaluated the gate's rules: the system, on behalf of the person whose step led
	 * to the evaluation when there was one.
	 */
	public String evaluatedBy() {
		return evaluatedFor == null ? "the system" : "the system on behalf of " + evaluatedFor;
	}

	/**
	 * A decision input as it reads, by its label (the DMN's input label, as the history
	 * keeps it): money in {@code currency}, shares as percentages, none as not recorded.
	 */
	public static String inputValue(String label, Object value, String currency) {
		return GateWords.format(GateWords.inputLabelled(label).map(GateWords.Input::format).orElse(null), value,
				currency);
	}

	/**
	 * One evaluated decision: key, name (as the DMN names it), version, outputs, and the
	 * rules that matched (by id and order).
	 */
	public record DecisionTrace(String key, String name, int version, Instant evaluatedAt,
			List<Map<String, Object>> outputs, List<String> matchedRules) {

		/**
		 * What the decision answered, in words: each matched rule's outputs, the
		 * recommendation and unmet conditions as a person reads them.
		 */
		public String answer() {
			if (outputs.isEmpty()) {
				return ProductLifecycle.GATE_REASONS.equals(key) ? "no unmet condition" : "no rule matched";
			}
			return String.join("; ", outputs.stream()
				.map(rule -> String.join(", ",
						rule.entrySet().stream().map(out -> GateWords.answer(out.getKey(), out.getValue())).toList()))
				.toList());
		}

		/** The rules that matched, or "no rule" when none did. */
		public String matched() {
			return matchedRules.isEmpty() ? "no rule" : String.join(", ", matchedRules);
		}

		/** The decision's name as its DMN gives it, else as ScaleGate knows it. */
		public String title() {
			return name != null && !name.isBlank() ? name : GateWords.decision(key);
		}

	}

}
