package io.scalegate.gate;

import java.util.Arrays;
import java.util.Optional;

/**
 * What the gatekeeper decides at Gate 2 (Cooper's Go, Hold, Recycle, Kill, plus the
 * seed's one-stop route and a Go with conditions). The others carry the names of the
 * recommendations they accept, so "override" simply means the decision differs from the
 * recommendation; {@link #GO_WITH_CONDITIONS} is a Go: it accepts the recommendation
 * {@code GO_MASS_PRODUCTION} and needs a written reason against any other
 * (docs/adr/0020-go-with-conditions.md).
 */
public enum GateDecision {

	GO_MASS_PRODUCTION, GO_WITH_CONDITIONS, ONE_STOP_SCALE_PLANNING, STAY_SMALL_BATCH, RECYCLE_TO_PROTOTYPE, KILL;

	public boolean accepts(String recommendation) {
		return this == GO_WITH_CONDITIONS ? GO_MASS_PRODUCTION.name().equals(recommendation)
				: name().equals(recommendation);
	}

	/** Whether the decision carries conditions the product must meet after the gate. */
	public boolean carriesConditions() {
		return this == GO_WITH_CONDITIONS;
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
