package io.scalegate.security;

import java.time.Instant;

/**
 * An account or a client address that may not sign in before {@code lockedUntil}, after
 * {@code failures} failed attempts.
 */
public record SignInLock(Kind kind, String subject, int failures, Instant lockedUntil) {

	/** What is locked. */
	public enum Kind {

		ACCOUNT, ADDRESS

	}

}
