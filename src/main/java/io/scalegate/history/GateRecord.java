package io.scalegate.history;

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
 */
public record GateRecord(String gate, int round, String processInstanceId, String processVersion, Instant openedAt,
		Instant decidedAt, List<Signature> readinessSignatures, List<DecisionTrace> decisions,
		Map<String, Object> inputs, String recommendation, List<String> reasons, String decision, boolean overridden,
		String overrideReason, Signature signature) {

	/**
	 * One evaluated decision: key, version, outputs, and the rules that matched (by id
	 * and order).
	 */
	public record DecisionTrace(String key, int version, Instant evaluatedAt, List<Map<String, Object>> outputs,
			List<String> matchedRules) {
	}

}
