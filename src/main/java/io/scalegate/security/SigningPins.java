package io.scalegate.security;

import io.scalegate.base.Checks;
import io.scalegate.base.InvalidInput;
import io.scalegate.base.NotFound;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The signing PINs of people who sign in with their company login (docs/adr/0015): each
 * sets their own (the current one is needed to change it, and a wrong one counts like a
 * wrong signature), an administrator can reset one with a reason. Stored hashed with the
 * same {@link PasswordEncoder} as passwords; at least {@value #MIN_DIGITS} digits, or a
 * passphrase of at least {@value #MIN_PASSPHRASE} characters; trivial ones refused.
 */
@Service
public class SigningPins {

	public static final int MIN_DIGITS = 6;

	public static final int MIN_PASSPHRASE = 12;

	static final int MAX_LENGTH = 64;

	private final JdbcClient jdbc;

	private final PasswordEncoder passwords;

	private final SigningCredentials credentials;

	private final ApplicationEventPublisher events;

	SigningPins(JdbcClient jdbc, PasswordEncoder passwords, SigningCredentials credentials,
			ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.passwords = passwords;
		this.credentials = credentials;
		this.events = events;
	}

	/**
	 * Sets the signing PIN of this SSO account; where one is set, {@code currentPin} must
	 * be it (field "currentPin"). A weak new PIN is refused on field "pin".
	 */
	@Transactional
	public void set(String username, String currentPin, String newPin) {
		SigningSecret secret = credentials.secretOf(username);
		if (secret == SigningSecret.PASSWORD) {
			throw new InvalidInput("pin", "you sign with your password: a signing PIN is for company (SSO) accounts");
		}
		weakness(username, newPin).ifPresent(reason -> {
			throw new InvalidInput("pin", reason);
		});
		if (secret == SigningSecret.PIN) {
			if (currentPin == null || currentPin.isEmpty()) {
				throw new InvalidInput("currentPin", "enter your current signing PIN to change it");
			}
			try {
				credentials.verify(username, currentPin);
			}
			catch (InvalidInput wrong) {
				throw new InvalidInput("currentPin", wrong.reason());
			}
		}
		jdbc.sql("update app_user set signing_pin_hash = ? where username = ? and auth_source = 'OIDC'")
			.params(passwords.encode(newPin), username)
			.update();
		events.publishEvent(new SigningPinChanged(username, false, null));
	}

	/**
	 * An administrator clears the signing PIN of an SSO account (forgotten, or locked)
	 * and its wrong-attempt counters; the owner must set a new one before signing again.
	 */
	@Transactional
	public void reset(String username, String reason) {
		if (reason == null || reason.isBlank()) {
			throw new InvalidInput("reason", "say why the signing PIN is reset (the audit trail keeps it)");
		}
		Checks checks = new Checks();
		checks.text("reason", reason, 500);
		checks.throwIfAny();
		Optional<String> source = jdbc.sql("select auth_source from app_user where username = ?")
			.param(username)
			.query(String.class)
			.optional();
		if (source.isEmpty()) {
			throw new NotFound("user", "userId", "no account " + username);
		}
		if (!"OIDC".equals(source.get())) {
			throw new InvalidInput("userId",
					username + " is a local account and signs with a password, not a signing PIN");
		}
		jdbc.sql("""
				update app_user set signing_pin_hash = null, failed_signatures = 0, signing_locked_until = null
				where username = ?""").param(username).update();
		events.publishEvent(new SigningPinChanged(username, true, reason.strip()));
	}

	/** Why this PIN is too weak, if it is. */
	static Optional<String> weakness(String username, String pin) {
		if (pin == null || pin.isEmpty()) {
			return Optional.of("enter a signing PIN");
		}
		// BCrypt takes at most 72 bytes
		if (pin.length() > MAX_LENGTH || pin.getBytes(StandardCharsets.UTF_8).length > 72) {
			return Optional.of("at most " + MAX_LENGTH + " characters (fewer with accented letters)");
		}
		boolean digits = pin.chars().allMatch(c -> c >= '0' && c <= '9');
		if (digits && pin.length() < MIN_DIGITS) {
			return Optional.of("at least " + MIN_DIGITS + " digits");
		}
		if (!digits && pin.length() < MIN_PASSPHRASE) {
			return Optional.of("at least " + MIN_DIGITS + " digits, or a passphrase of at least " + MIN_PASSPHRASE
					+ " characters");
		}
		if (pin.chars().distinct().count() == 1) {
			return Optional.of("not the same character repeated");
		}
		if (digits && (steps(pin, 1) || steps(pin, -1))) {
			return Optional.of("not an ascending or descending run of digits");
		}
		if (username != null && pin.toLowerCase().contains(username.toLowerCase())) {
			return Optional.of("not your user id");
		}
		return Optional.empty();
	}

	private static boolean steps(String digits, int step) {
		for (int i = 1; i < digits.length(); i++) {
			if (digits.charAt(i) - digits.charAt(i - 1) != step) {
				return false;
			}
		}
		return true;
	}

}
