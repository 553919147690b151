package io.scalegate.base;

/**
 * Another request changed or recorded the same thing at the same moment and won: this one
 * saved nothing. The message names what collided and says what to do (read it again, or
 * retry). The API answers 409; the UI shows the message. Like {@link InvalidInput} it is
 * never a stack trace or a 500.
 */
public class Conflict extends InvalidInput {

	private final boolean retry;

	/**
	 * A conflict the caller should not simply retry (the other request already did it).
	 */
	public Conflict(String field, String message) {
		this(field, message, false);
	}

	/**
	 * @param retry whether the same request may succeed when sent again (the other
	 * request only held a lock); the API then adds {@code Retry-After}
	 */
	public Conflict(String field, String message, boolean retry) {
		super(field, message);
		this.retry = retry;
	}

	/** Whether sending the same request again may succeed. */
	public boolean retry() {
		return retry;
	}

	/**
	 * The conflict behind {@code thrown}, if it is one: a {@link Conflict}, or a
	 * duplicate key, an optimistic lock (Spring's or the engine's), a lock timeout or a
	 * deadlock anywhere in its causes, worded by {@link Collisions}.
	 */
	public static Conflict of(Throwable thrown) {
		for (Throwable t = thrown; t != null; t = t.getCause()) {
			if (t instanceof Conflict conflict) {
				return conflict;
			}
			if (t.getCause() == t) {
				break;
			}
		}
		return Collisions.describe(thrown);
	}

}
