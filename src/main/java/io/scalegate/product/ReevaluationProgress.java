package io.scalegate.product;

import java.time.Instant;

/**
 * How far the re-evaluation of the running products' stored verdicts under gate rules
 * {@code rulesVersion} is: of {@code total} products {@code done} were judged again
 * ({@code failed} of them could not be and keep their old verdict; {@code changed} got
 * another verdict). {@code node} is the ScaleGate node that runs it; {@code stalled} says
 * that node stopped reporting (it died): a start-up, a deployment or the periodic check
 * on any node resumes it.
 */
public record ReevaluationProgress(int rulesVersion, int total, int done, int failed, int changed, String node,
		Instant startedAt, Instant finishedAt, boolean stalled) {

	/** Whether it is still under way (neither finished nor stalled). */
	public boolean running() {
		return finishedAt == null && !stalled;
	}

}
