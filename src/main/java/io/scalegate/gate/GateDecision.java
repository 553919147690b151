package io.scalegate.gate;

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

}
