package io.scalegate.security;

import java.time.Instant;

/**
 * A password the system generated for an account, shown once to the administrator who
 * issued it; its owner must replace it at the first sign-in, before {@code expiresAt}.
 */
public record OneTimePassword(String username, String password, Instant expiresAt) {

	@Override
	public String toString() {
		return "OneTimePassword[username=" + username + ", expiresAt=" + expiresAt + "]";
	}

}
