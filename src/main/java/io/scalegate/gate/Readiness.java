package io.scalegate.gate;

import java.util.List;

/**
 * One evaluation of the gate rules: the recommendation, the unmet conditions, the three
 * intermediate verdicts, the inputs it was given and the version of the gate DRD that
 * judged.
 */
public record Readiness(String recommendation, List<GateReason> reasons, String demandStability,
		String toolingEconomics, String supplierReadiness, GateInputs inputs, int rulesVersion) {

	public boolean ready() {
		return GateDecision.GO_MASS_PRODUCTION.accepts(recommendation);
	}

	/** The seed's eight conditions, each met or unmet with the reasons why. */
	public List<SignalStatus> signals() {
		return java.util.Arrays.stream(ReadinessSignal.values())
			.map(signal -> new SignalStatus(signal, signal.unmetBy(reasons)))
			.toList();
	}

	/** One condition and the reasons it is unmet (none: met). */
	public record SignalStatus(ReadinessSignal signal, List<GateReason> unmetBecause) {

		public boolean met() {
			return unmetBecause.isEmpty();
		}

	}

}
