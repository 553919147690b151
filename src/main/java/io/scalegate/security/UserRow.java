package io.scalegate.security;

import java.time.Instant;
import java.util.Set;
import org.springframework.lang.Nullable;

/**
 * One account as administrators see it in the users grid and the users API.
 *
 * @param signingLockedUntil until when signing is locked after too many wrong signing
 * passwords, if it is now
 * @param loginLockedUntil until when signing in is locked after too many failed sign-ins
 * ({@link SignInThrottle}), if it is now
 * @param mustChangePassword the account has a one-time password its owner must replace
 * before anything else
 * @param companyLogin the account signs in with the company login (OpenID Connect): its
 * name, e-mail and roles come from the identity provider, it has no password and signs
 * with a signing PIN (docs/adr/0015)
 */
public record UserRow(String username, String fullName, @Nullable String email, Set<Role> roles, boolean enabled,
		@Nullable Instant lastLoginAt, @Nullable Instant signingLockedUntil, @Nullable Instant loginLockedUntil,
		boolean mustChangePassword, boolean companyLogin) {
}
