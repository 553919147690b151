package io.scalegate.security;

/** An API token was issued or revoked (the secret is never part of it). */
public record ApiTokenChanged(ApiToken token, boolean revoked, String by) {
}
