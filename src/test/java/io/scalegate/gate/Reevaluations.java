package io.scalegate.gate;

import java.time.Duration;
import java.time.Instant;

/**
 * For tests that deploy gate rules in the shared context: waits until this node's
 * background re-evaluation of stored verdicts is done, so the next test sees every
 * verdict judged by the deployed rules.
 */
public final class Reevaluations {

	private Reevaluations() {
	}

	public static void awaitIdle(ReadinessReevaluation reevaluation) {
		Instant until = Instant.now().plus(Duration.ofMinutes(3));
		while (reevaluation.busy()) {
			if (Instant.now().isAfter(until)) {
				throw new AssertionError("the re-evaluation of stored verdicts did not end within 3 minutes");
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new AssertionError(e);
			}
		}
	}

}
