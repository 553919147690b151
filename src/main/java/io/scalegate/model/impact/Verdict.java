package io.scalegate.model.impact;

import io.scalegate.gate.GateReason;
import io.scalegate.gate.Readiness;
import java.util.Arrays;
import java.util.List;

/**
 * A gate verdict as the impact compares it: the recommendation and the unmet conditions.
 */
record Verdict(String recommendation, List<String> reasons) {

	static Verdict of(Readiness readiness) {
		return new Verdict(readiness.recommendation(),
				readiness.reasons().stream().map(GateReason::name).distinct().toList());
	}

	/** A verdict as the product row stores it (blockers ",A,B,"). */
	static Verdict stored(String recommendation, String blockers) {
		return new Verdict(recommendation, blockers == null ? List.of()
				: Arrays.stream(blockers.split(",")).filter(reason -> !reason.isEmpty()).distinct().toList());
	}

}
