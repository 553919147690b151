package io.scalegate.product;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * What the products list needs to know of the gate rules without depending on the gate:
 * the version deployed now (a stored verdict of another version is not shown by the "gate
 * ready" and "blocked by" filters) and the re-evaluation of stored verdicts under it.
 * Implemented by the gate.
 */
public interface GateRules {

	/** The version of the gate rules deployed now; empty while none is deployed. */
	OptionalInt deployedVersion();

	/**
	 * The latest re-evaluation of stored verdicts (running, stalled or finished); empty
	 * when none ever ran.
	 */
	Optional<ReevaluationProgress> reevaluation();

}
