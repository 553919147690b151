package io.scalegate.gate;

import java.util.Arrays;
import java.util.Optional;

/**
 * What the gatekeeper decides at Gate 2 (Cooper's Go, Hold, Recycle, Kill, plus the
 * seed's one-stop route). The first four carry the names of the recommendations they
 * accept, so "override" simply means the decision differs from the recommendation.
 */
public enum GateDecision {

	GO_MASS_PRODUCTION, ONE_STOP_SCALE_PLANNING, STAY_SMALL_BATCH, RECYCLE_TO_PROTOTYPE, KILL;

	public boolean accepts(String recommendation) {
		return name().equals(recommendation);
	}

	/**
	 * Why this decision cannot be signed as it stands: a decision other than the
	 * recommendation needs a written reason. Empty when it accepts the recommendation or
	 * the reason is written. The engine's check and the form's check before the signature
	 * are this one.
	 */
	public Optional<String> missingReason(String recommendation, String reason) {
		if (accepts(recommendation) || (reason != null && !reason.isBlank())) {
			return Optional.empty();
		}
		return Optional
			.of("a written reason is required to decide " + name() + " against the recommendation " + recommendation);
	}

	/** The decision of this name, if there is one. */
	public static Optional<GateDecision> named(String name) {
		return Arrays.stream(values()).filter(decision -> decision.name().equals(name)).findFirst();
	}

}
