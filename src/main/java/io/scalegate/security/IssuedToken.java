package io.scalegate.security;

/** A newly issued token with its secret: shown once to the administrator, never again. */
public record IssuedToken(ApiToken token, String secret) {
}
