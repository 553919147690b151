package io.scalegate.security;

import io.scalegate.base.InvalidInput;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Checks the password a signer re-enters (21 CFR Part 11 §11.200: both components at each
 * signing); for accounts that sign in with the company login (SSO), their signing PIN
 * instead, with the same counters (docs/adr/0015). Five wrong passwords (or PINs) in a
 * row lock signing for that user for 15 minutes. Each attempt is recorded in a
 * transaction of its own, so a failure counts even though the signing itself is rolled
 * back. A wrong password is counted by one atomic
 * {@code UPDATE ... SET failed_signatures = failed_signatures + 1}, so concurrent wrong
 * attempts each count.
 */
@Service
public class SigningCredentials {

	public static final int MAX_FAILURES = 5;

	public static final Duration LOCK = Duration.ofMinutes(15);

	private final JdbcClient jdbc;

	private final PasswordEncoder passwords;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	SigningCredentials(JdbcClient jdbc, PasswordEncoder passwords, Clock clock, ApplicationEventPublisher events) {
		this.events = events;
		this.jdbc = jdbc;
		this.passwords = passwords;
		this.clock = clock;
	}

	/**
	 * Returns normally when the password (for an SSO account: the signing PIN) is right;
	 * otherwise throws {@link InvalidInput} on field "password".
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW, noRollbackFor = InvalidInput.class)
	public void verify(String username, String password) {
		record Row(String passwordHash, int failedSignatures, OffsetDateTime signingLockedUntil,
				boolean mustChangePassword, String authSource, String signingPinHash) {
		}
		Row row = jdbc.sql("""
				select password_hash, failed_signatures, signing_locked_until, must_change_password, auth_source,
				signing_pin_hash
				from app_user where username = ? and enabled = true""")
			.param(username)
			.query(Row.class)
			.optional()
			.orElseThrow(() -> new InvalidInput("password", "no active account " + username));
		if (row.mustChangePassword()) {
			// a one-time password signs nothing: its owner chooses their own first
			// (docs/adr/0014)
			throw refused(username, "this account has a one-time password: choose your own password first");
		}
		boolean pin = "OIDC".equals(row.authSource());
		if (pin && row.signingPinHash() == null) {
			throw refused(username, SigningSecret.NO_PIN_MESSAGE);
		}
		String secret = pin ? "PIN" : "password";
		Instant now = clock.instant();
		if (row.signingLockedUntil() != null && row.signingLockedUntil().toInstant().isAfter(now)) {
			throw refused(username, "signing is locked after " + MAX_FAILURES + " wrong " + secret
					+ "s; try again after " + row.signingLockedUntil().toInstant() + " (UTC)");
		}
		OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
		// BCrypt refuses more than 72 bytes (it would throw): no stored secret is longer
		if (password == null || password.getBytes(StandardCharsets.UTF_8).length > 72
				|| !passwords.matches(password, pin ? row.signingPinHash() : row.passwordHash())) {
			// one atomic increment per wrong password, whatever runs at the same time:
			// the
			// row stays locked until this attempt commits, so N concurrent attempts count
			// N
			int counted = jdbc.sql("""
					update app_user set failed_signatures = failed_signatures + 1
					where username = ? and (signing_locked_until is null or signing_locked_until <= ?)""")
				.params(username, at)
				.update();
			if (counted == 0) {
				throw lockedMeanwhile(username, secret);
			}
			int failures = jdbc.sql("select failed_signatures from app_user where username = ?")
				.param(username)
				.query(Integer.class)
				.single();
			if (failures >= MAX_FAILURES) {
				jdbc.sql("update app_user set failed_signatures = 0, signing_locked_until = ? where username = ?")
					.params(OffsetDateTime.ofInstant(now.plus(LOCK), ZoneOffset.UTC), username)
					.update();
				throw refused(username,
						"wrong " + secret + "; signing is now locked for " + LOCK.toMinutes() + " minutes");
			}
			throw refused(username, "wrong " + secret + " (" + failures + " of " + MAX_FAILURES
					+ " attempts before signing is locked)");
		}
		if (row.failedSignatures() > 0 || row.signingLockedUntil() != null) {
			int reset = jdbc.sql("""
					update app_user set failed_signatures = 0, signing_locked_until = null
					where username = ? and (signing_locked_until is null or signing_locked_until <= ?)""")
				.params(username, at)
				.update();
			if (reset == 0) {
				throw lockedMeanwhile(username, secret);
			}
		}
	}

	/**
	 * What this account re-enters to sign: its password, or (company sign-in) its signing
	 * PIN, once set.
	 */
	public SigningSecret secretOf(String username) {
		record Row(String authSource, String signingPinHash) {
		}
		return jdbc.sql("select auth_source, signing_pin_hash from app_user where username = ?")
			.param(username)
			.query(Row.class)
			.optional()
			.map(row -> !"OIDC".equals(row.authSource()) ? SigningSecret.PASSWORD
					: row.signingPinHash() == null ? SigningSecret.NO_PIN : SigningSecret.PIN)
			.orElse(SigningSecret.PASSWORD);
	}

	/**
	 * Signing was locked by concurrent wrong attempts after this one read the account.
	 */
	private InvalidInput lockedMeanwhile(String username, String secret) {
		return refused(username, "signing is locked after " + MAX_FAILURES + " wrong " + secret
				+ "s (some made at the same moment); try again after " + LOCK.toMinutes() + " minutes");
	}

	/**
	 * Publishes the refusal (kept: this transaction commits despite the exception) and
	 * returns the exception.
	 */
	private InvalidInput refused(String username, String reason) {
		events.publishEvent(new SignatureRefused(username, reason));
		return new InvalidInput("password", reason);
	}

}
