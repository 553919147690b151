package io.scalegate.security;

import io.scalegate.base.Conflict;
import io.scalegate.base.InvalidInput;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.lang.Nullable;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * People choose their own passwords (docs/adr/0014): on their account page, with the
 * current password, or in place of a one-time password before they may do anything else.
 * Every new password must pass the {@link PasswordPolicy}. A wrong current or one-time
 * password counts as a failed sign-in ({@link SignInThrottle}), so neither page lets
 * anyone guess faster than the login does; the count is kept although the change is
 * refused (this service runs no transaction around the check). Each change is in the
 * audit trail, never the password.
 */
@Service
public class PasswordChanges {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
		.withZone(ZoneOffset.UTC);

	private final JdbcClient jdbc;

	private final PasswordEncoder passwords;

	private final PasswordPolicy policy;

	private final OneTimePasswords oneTimePasswords;

	private final SignInThrottle throttle;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transaction;

	private final Clock clock;

	PasswordChanges(JdbcClient jdbc, PasswordEncoder passwords, PasswordPolicy policy,
			OneTimePasswords oneTimePasswords, SignInThrottle throttle, ApplicationEventPublisher events,
			TransactionTemplate transaction, Clock clock) {
		this.jdbc = jdbc;
		this.passwords = passwords;
		this.policy = policy;
		this.oneTimePasswords = oneTimePasswords;
		this.throttle = throttle;
		this.events = events;
		this.transaction = transaction;
		this.clock = clock;
	}

	private record Account(String username, String fullName, String passwordHash, boolean enabled,
			boolean mustChangePassword, @Nullable OffsetDateTime passwordIssuedAt) {
	}

	/**
	 * A signed-in person changes their password. Fields: currentPassword, newPassword,
	 * repeatPassword.
	 */
	public void change(String username, String currentPassword, String newPassword, String repeatPassword,
			@Nullable String address) {
		refuseWhileLocked(username, address, "currentPassword");
		Account account = account(username).filter(Account::enabled)
			.orElseThrow(() -> new InvalidInput("currentPassword", "no active account " + username));
		if (currentPassword == null || currentPassword.isEmpty()) {
			throw new InvalidInput("currentPassword", "enter your current password");
		}
		if (!passwords.matches(currentPassword, account.passwordHash())) {
			throttle.failed(username, address, "wrong current password", true);
			throw new InvalidInput("currentPassword", "is not your current password");
		}
		policy.check("newPassword", newPassword, "repeatPassword", repeatPassword, username, account.fullName(),
				candidate -> passwords.matches(candidate, account.passwordHash()));
		store(account, newPassword, false);
	}

	/**
	 * Replaces a one-time password with one the person chooses; only then may the account
	 * sign in. Fields: username, oneTimePassword, newPassword, repeatPassword. A wrong
	 * user id or one-time password gets the same answer, so the page does not tell who
	 * has an account.
	 */
	public void replaceOneTimePassword(String username, String oneTimePassword, String newPassword,
			String repeatPassword, @Nullable String address) {
		if (username == null || username.isBlank()) {
			throw new InvalidInput("username", "enter your user id");
		}
		refuseWhileLocked(username, address, "username");
		if (oneTimePassword == null || oneTimePassword.isEmpty()) {
			throw new InvalidInput("oneTimePassword", "enter the one-time password your administrator gave you");
		}
		Optional<Account> found = account(username);
		if (found.isEmpty() || !found.get().enabled() || !found.get().mustChangePassword()
				|| !passwords.matches(oneTimePassword, found.get().passwordHash())) {
			throttle.failed(username, address, "wrong one-time password", true);
			throw new InvalidInput("oneTimePassword",
					"user id or one-time password is wrong, or there is no one-time password to replace");
		}
		Account account = found.get();
		if (account.passwordIssuedAt() != null
				&& oneTimePasswords.expired(account.passwordIssuedAt().toInstant(), clock.instant())) {
			throw new InvalidInput("oneTimePassword", "this one-time password has expired (valid for "
					+ oneTimePasswords.validFor().toHours() + " hours); ask an administrator for a new one");
		}
		policy.check("newPassword", newPassword, "repeatPassword", repeatPassword, username, account.fullName(),
				candidate -> candidate.equals(oneTimePassword));
		store(account, newPassword, true);
		throttle.succeeded(username);
	}

	private void store(Account account, String newPassword, boolean replacingOneTime) {
		String hash = passwords.encode(newPassword);
		transaction.executeWithoutResult(status -> {
			// only if nothing changed the password meanwhile (another tab, an
			// administrator's reset): else the other change stands
			int stored = jdbc.sql("""
					update app_user set password_hash = ?, must_change_password = false, password_issued_at = null
					where username = ? and password_hash = ? and enabled = true""")
				.params(hash, account.username(), account.passwordHash())
				.update();
			if (stored == 0) {
				throw new Conflict(replacingOneTime ? "oneTimePassword" : "currentPassword",
						"the password was changed at the same moment elsewhere; sign in again");
			}
			events.publishEvent(new PasswordChanged(account.username(), replacingOneTime));
		});
	}

	private void refuseWhileLocked(String username, @Nullable String address, String field) {
		Optional<Instant> locked = throttle.lockedUntil(username, address);
		if (locked.isPresent()) {
			throw new InvalidInput(field, "too many failed sign-ins for this account or address: try again after "
					+ TIME.format(locked.get()) + ", or ask an administrator to unlock it");
		}
	}

	private Optional<Account> account(String username) {
		return jdbc.sql("""
				select username, full_name, password_hash, enabled, must_change_password, password_issued_at
				from app_user where username = ?""").param(username).query(Account.class).optional();
	}

}
