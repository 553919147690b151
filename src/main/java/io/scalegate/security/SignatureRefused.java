package io.scalegate.security;

/**
 * A signing attempt was refused (wrong password, locked); published in the attempt's own
 * transaction.
 */
public record SignatureRefused(String username, String reason) {
}
