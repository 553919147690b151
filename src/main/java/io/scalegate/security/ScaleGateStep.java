package io.scalegate.security;

import java.util.function.Supplier;

/**
 * Marks the engine calls this thread makes as one of ScaleGate's own steps: starting a
 * product's lifecycle, the "new evidence" message, a signed completion, the inbox's claim
 * and hand-over, a governed migration. Outside such a step the engine refuses every
 * change to a running lifecycle that does not come from the process itself
 * ({@link EngineChangeGuard}), whoever asks and however: Cockpit, engine-rest or Java
 * code.
 */
public final class ScaleGateStep {

	private static final ThreadLocal<Integer> DEPTH = ThreadLocal.withInitial(() -> 0);

	private ScaleGateStep() {
	}

	/** Runs {@code step} as one of ScaleGate's own steps and returns its result. */
	public static <T> T run(Supplier<T> step) {
		DEPTH.set(DEPTH.get() + 1);
		try {
			return step.get();
		}
		finally {
			int depth = DEPTH.get() - 1;
			if (depth == 0) {
				DEPTH.remove();
			}
			else {
				DEPTH.set(depth);
			}
		}
	}

	/** Runs {@code step} as one of ScaleGate's own steps. */
	public static void run(Runnable step) {
		run(() -> {
			step.run();
			return null;
		});
	}

	/** Whether this thread is inside one of ScaleGate's own steps. */
	static boolean running() {
		return DEPTH.get() > 0;
	}

}
