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
 * @param deliverables the deliverables checklist as the gate rules were given it; null
 * when it was not checked (Gate 1, or rules evaluated before the checklist existed)
 * @param documents the product's documents on file when the gate was decided (all of them
 * while it waits), newest first, each with its SHA-256
 */
public record GateRecord(String gate, int round, String processInstanceId, String processVersion, Instant openedAt,
		Instant decidedAt, List<Signature> readinessSignatures, List<DecisionTrace> decisions,
		Map<String, Object> inputs, String recommendation, List<String> reasons, String decision, boolean overridden,
		String overrideReason, Signature signature, String evaluatedFor, List<Condition> conditions,
		Deliverables deliverables, List<io.scalegate.document.Document> documents) {

	/**
	 * A condition of a Go with conditions as the record shows it: text, owner, due day,
	 * state (overdue when open past its due day), and who closed it when with which note.
	 */
	public record Condition(String text, String owner, java.time.LocalDate dueDate, String state, boolean overdue,
			boolean escalated, String closedBy, Instant closedAt, String closingNote) {

		private static final java.time.format.DateTimeFormatter TIME = java.time.format.DateTimeFormatter
			.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
			.withZone(java.time.ZoneOffset.UTC);

		/** Its state in words: open, open and overdue (escalated), closed. */
		public String stateInWords() {
			return GateWords.conditionState(state, overdue) + (escalated && closedAt == null ? ", escalated" : "");
		}

		/** Who closed it, when, with which note; null while open. */
		public String closing() {
			return closedAt == null ? null
					: "closed by " + closedBy + " on " + TIME.format(closedAt) + ": " + closingNote;
		}

		/** The condition in one line, as the record prints it. */
		public String line() {
			return text + " — owner " + owner + ", due " + dueDate + ", " + stateInWords()
					+ (closedAt == null ? "" : "; " + closing());
		}

	}

	/**
	 * The deliverables checklist at the decision: the document kinds required (empty when
	 * the process did not keep them) and those missing, as codes.
	 */
	public record Deliverables(List<String> required, List<String> missing) {

		/** The checklist in words, as the signed record states it. */
		public String words() {
			String missingWords = missing.isEmpty() ? "none missing" : "missing " + GateWords.documentKinds(missing);
			return required.isEmpty() ? "Deliverables checklist at the decision: " + missingWords + "."
					: "Deliverables checklist at the decision: required " + GateWords.documentKinds(required) + "; "
							+ missingWords + ".";
		}

	}

	/**
	 * The evaluated decisions, each once: a decision both roots require (demand
	 * stability, tooling economics, supplier readiness) is kept as evaluated first.
	 */
	public List<DecisionTrace> distinctDecisions() {
		java.util.Set<String> seen = new java.util.HashSet<>();
		return decisions.stream().filter(trace -> seen.add(trace.key())).toList();
	}

	/**
	 * The unmet conditions in words, a missing deliverable naming the kinds that were
	 * missing.
	 */
	public List<String> reasonWords() {
		Map<String, Object> given = deliverables == null ? Map.of()
				: Map.of(ProductLifecycle.MISSING_DELIVERABLES.name(), String.join(",", deliverables.missing()));
		return reasons.stream().map(reason -> GateWords.reason(reason, given)).toList();
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
