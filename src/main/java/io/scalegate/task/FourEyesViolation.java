package io.scalegate.task;

import io.scalegate.base.InvalidInput;

/**
 * A gate review signed by someone who took part in the evidence or the readiness
 * sign-offs.
 */
class FourEyesViolation extends InvalidInput {

	FourEyesViolation(String message) {
		super("gateReview", message);
	}

}
