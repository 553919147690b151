package io.scalegate.security;

import io.scalegate.base.AuditNote;
import io.scalegate.base.Checks;
import io.scalegate.base.Conflict;
import io.scalegate.base.InvalidInput;
import io.scalegate.base.InvalidInput.FieldProblem;
import io.scalegate.base.NotFound;
import io.scalegate.security.SignInLock.Kind;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.lang.Nullable;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What administrators do with accounts (docs/adr/0014): create them, edit name, e-mail
 * and roles, disable and enable them (never delete: signatures and the trail keep the
 * user id), reset a password to a one-time password and lift signing and sign-in locks.
 * Every change needs a reason and is in the audit trail with who did it. An administrator
 * cannot remove their own ADMIN role nor disable themselves, and the last enabled
 * administrator can never lose the role or be disabled, even by two administrators at the
 * same moment: every change that could take an administrator away first locks the rows of
 * all administrators ({@code select ... for update}, always in the same order) and only
 * then counts them.
 */
@Service
public class UserAdministration {

	/**
	 * Lower-case letters, digits, dot, underscore and hyphen, starting with a letter or
	 * digit.
	 */
	static final Pattern USER_ID = Pattern.compile("[a-z0-9][a-z0-9._-]*");

	static final int USER_ID_LENGTH = 100;

	static final int NAME_LENGTH = 200;

	static final int EMAIL_LENGTH = 254;

	static final int REASON_LENGTH = 500;

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");

	private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

	private final JdbcClient jdbc;

	private final UserAccounts accounts;

	private final PasswordEncoder passwords;

	private final OneTimePasswords oneTimePasswords;

	private final SignInThrottle throttle;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	UserAdministration(JdbcClient jdbc, UserAccounts accounts, PasswordEncoder passwords,
			OneTimePasswords oneTimePasswords, SignInThrottle throttle, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.passwords = passwords;
		this.oneTimePasswords = oneTimePasswords;
		this.throttle = throttle;
		this.events = events;
		this.clock = clock;
	}

	/** Every account, by user id, with its locks as they are now. */
	public List<UserRow> rows() {
		return select("", null);
	}

	public Optional<UserRow> row(String username) {
		return select(" where username = ?", username).stream().findFirst();
	}

	/**
	 * Creates an account with a one-time password, returned once and never kept in clear.
	 */
	@Transactional
	public OneTimePassword create(String username, String fullName, String email, Collection<Role> roles, String reason,
			String by) {
		List<FieldProblem> problems = new ArrayList<>();
		checkUserId(username, problems);
		checkDetails(fullName, email, roles, problems);
		checkReason(reason, problems);
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		if (accounts.exists(username)) {
			throw new Conflict("username", "user id " + username + " is taken; choose another");
		}
		String password = oneTimePasswords.generate();
		Instant now = clock.instant();
		try {
			jdbc.sql("""
					insert into app_user (username, password_hash, full_name, enabled, email, must_change_password,
					password_issued_at) values (?, ?, ?, true, ?, true, ?)""")
				.params(username, passwords.encode(password), fullName.strip(), mail(email), utc(now))
				.update();
		}
		catch (RuntimeException raced) {
			if (Conflict.of(raced) != null) {
				throw new Conflict("username", "user id " + username + " was taken at the same moment; choose another");
			}
			throw raced;
		}
		Set<Role> granted = EnumSet.copyOf(roles);
		accounts.setRoles(username, granted);
		events.publishEvent(new UserCreated(username, fullName.strip(), mail(email), granted, reason.strip(), by));
		return new OneTimePassword(username, password, now.plus(oneTimePasswords.validFor()));
	}

	/** Sets an account's name, e-mail and roles. */
	@Transactional
	public UserRow edit(String username, String fullName, String email, Collection<Role> roles, String reason,
			String by) {
		if (existing(username).companyLogin()) {
			throw new InvalidInput("roles", username + " signs in with the company login: name, e-mail and roles come "
					+ "from the identity provider at each sign-in; change the groups there, or disable the account here");
		}
		List<FieldProblem> problems = new ArrayList<>();
		checkDetails(fullName, email, roles, problems);
		checkReason(reason, problems);
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		UserRow before = existing(username);
		Set<Role> granted = EnumSet.copyOf(roles);
		if (before.roles().contains(Role.ADMIN) && !granted.contains(Role.ADMIN)) {
			if (username.equals(by)) {
				throw new InvalidInput("roles", "you cannot remove your own ADMIN role; ask another administrator");
			}
			keepAnAdministrator(username, "roles", "remove the ADMIN role of");
		}
		UserEdited edited = new UserEdited(username, before, fullName.strip(), mail(email), granted, reason.strip(),
				by);
		if (edited.audit().details().size() == 1) {
			throw new InvalidInput("username", "nothing to save: name, e-mail and roles are as they were");
		}
		jdbc.sql("update app_user set full_name = ?, email = ? where username = ?")
			.params(fullName.strip(), mail(email), username)
			.update();
		if (!granted.equals(before.roles())) {
			// sessions keep the roles they signed in with: they end (docs/adr/0014)
			jdbc.sql("update app_user set session_epoch = session_epoch + 1 where username = ?")
				.param(username)
				.update();
		}
		accounts.setRoles(username, granted);
		events.publishEvent(edited);
		return existing(username);
	}

	/** The account can no longer sign in nor sign; it is kept with its history. */
	@Transactional
	public void disable(String username, String reason, String by) {
		checkReason(reason);
		UserRow account = existing(username);
		if (username.equals(by)) {
			throw new InvalidInput("username", "you cannot disable your own account; ask another administrator");
		}
		if (!account.enabled()) {
			throw new InvalidInput("username", username + " is already disabled");
		}
		if (account.roles().contains(Role.ADMIN)) {
			keepAnAdministrator(username, "username", "disable");
		}
		if (jdbc.sql(
				"update app_user set enabled = false, session_epoch = session_epoch + 1 where username = ? and enabled = true")
			.param(username)
			.update() == 0) {
			throw new Conflict("username", username + " was disabled at the same moment by another request");
		}
		events.publishEvent(new UserDisabled(username, reason.strip(), by));
	}

	@Transactional
	public void enable(String username, String reason, String by) {
		checkReason(reason);
		UserRow account = existing(username);
		if (account.enabled()) {
			throw new InvalidInput("username", username + " is already enabled");
		}
		if (jdbc.sql("update app_user set enabled = true where username = ? and enabled = false")
			.param(username)
			.update() == 0) {
			throw new Conflict("username", username + " was enabled at the same moment by another request");
		}
		events.publishEvent(new UserEnabled(username, reason.strip(), by));
	}

	/**
	 * Replaces the account's password with a one-time password its owner must change at
	 * the next sign-in; returned once and never kept in clear.
	 */
	@Transactional
	public OneTimePassword resetPassword(String username, String reason, String by) {
		checkReason(reason);
		if (existing(username).companyLogin()) {
			throw new InvalidInput("username", username
					+ " signs in with the company login and has no password here; reset the signing PIN instead");
		}
		String password = oneTimePasswords.generate();
		Instant now = clock.instant();
		jdbc.sql("""
				update app_user set password_hash = ?, must_change_password = true, password_issued_at = ?,
				session_epoch = session_epoch + 1 where username = ?""")
			.params(passwords.encode(password), utc(now), username)
			.update();
		events.publishEvent(new OneTimePasswordIssued(username, reason.strip(), by));
		return new OneTimePassword(username, password, now.plus(oneTimePasswords.validFor()));
	}

	/** Lifts the signing lock and clears the wrong signing passwords counted so far. */
	@Transactional
	public void unlockSigning(String username, String reason, String by) {
		checkReason(reason);
		existing(username);
		record Row(int failedSignatures, OffsetDateTime signingLockedUntil) {
		}
		Row row = jdbc.sql("select failed_signatures, signing_locked_until from app_user where username = ? for update")
			.param(username)
			.query(Row.class)
			.single();
		if (row.failedSignatures() == 0 && row.signingLockedUntil() == null) {
			throw new InvalidInput("username", "signing is not locked for " + username + " and has no wrong passwords");
		}
		jdbc.sql("update app_user set failed_signatures = 0, signing_locked_until = null where username = ?")
			.param(username)
			.update();
		boolean wasLocked = row.signingLockedUntil() != null
				&& row.signingLockedUntil().toInstant().isAfter(clock.instant());
		events.publishEvent(new SigningUnlocked(username, wasLocked, reason.strip(), by));
	}

	/**
	 * Lifts the account's sign-in lock and clears its failed sign-ins
	 * ({@link SignInThrottle#unlock}).
	 */
	@Transactional
	public void unlockLogin(String username, String reason, String by) {
		checkReason(reason);
		existing(username);
		if (!throttle.unlock(Kind.ACCOUNT, username, by, reason.strip())) {
			throw new InvalidInput("username", "sign-in is not locked for " + username + " and has no failed sign-ins");
		}
	}

	/**
	 * Refuses to take {@code username}'s administrator role or access away when it is the
	 * last enabled administrator. Locks every administrator's row first, in user id
	 * order, so two administrators acting at once are serialised; then counts afresh,
	 * seeing what the other one committed.
	 */
	private void keepAnAdministrator(String username, String field, String what) {
		jdbc.sql("""
				select username from app_user
				where username in (select username from app_user_role where role = 'ADMIN')
				order by username for update""").query(String.class).list();
		List<String> enabledAdmins = jdbc.sql("""
				select u.username from app_user u join app_user_role r on r.username = u.username
				where r.role = 'ADMIN' and u.enabled = true""").query(String.class).list();
		if (enabledAdmins.contains(username) && enabledAdmins.size() <= 1) {
			throw new InvalidInput(field, "cannot " + what + " " + username
					+ ": it is the last enabled administrator; make someone else an administrator first");
		}
	}

	private UserRow existing(String username) {
		return row(username).orElseThrow(() -> new NotFound("user", "username", "no account " + username));
	}

	private List<UserRow> select(String where, @Nullable String username) {
		Map<String, Set<Role>> roles = new HashMap<>();
		var roleQuery = jdbc.sql("select username, role from app_user_role" + where);
		if (username != null) {
			roleQuery = roleQuery.param(username);
		}
		roleQuery.query((rs, n) -> {
			roles.computeIfAbsent(rs.getString(1), u -> EnumSet.noneOf(Role.class)).add(Role.valueOf(rs.getString(2)));
			return null;
		}).list();
		Map<String, Instant> loginLocks = new HashMap<>();
		throttle.locks()
			.stream()
			.filter(lock -> lock.kind() == Kind.ACCOUNT)
			.forEach(lock -> loginLocks.put(lock.subject(), lock.lockedUntil()));
		Instant now = clock.instant();
		var query = jdbc.sql("""
				select username, full_name, email, enabled, last_login_at, signing_locked_until, must_change_password,
				auth_source
				from app_user""" + where + " order by username");
		if (username != null) {
			query = query.param(username);
		}
		return query.query((rs, n) -> {
			String user = rs.getString(1);
			Timestamp lastLogin = rs.getTimestamp(5);
			Timestamp signingLocked = rs.getTimestamp(6);
			return new UserRow(user, rs.getString(2), rs.getString(3),
					Set.copyOf(roles.getOrDefault(user, EnumSet.noneOf(Role.class))), rs.getBoolean(4),
					lastLogin == null ? null : lastLogin.toInstant(),
					signingLocked == null || !signingLocked.toInstant().isAfter(now) ? null : signingLocked.toInstant(),
					loginLocks.get(user), rs.getBoolean(7), "OIDC".equals(rs.getString(8)));
		}).list();
	}

	private static void checkUserId(String username, List<FieldProblem> problems) {
		if (username == null || username.isBlank()) {
			problems.add(new FieldProblem("username", "enter a user id"));
		}
		else if (username.length() > USER_ID_LENGTH) {
			problems.add(new FieldProblem("username", "must have at most " + USER_ID_LENGTH + " characters"));
		}
		else if (!USER_ID.matcher(username).matches()) {
			problems.add(new FieldProblem("username",
					"use lower-case letters, digits, '.', '_' and '-', starting with a letter or digit"));
		}
		else if (AuditNote.SYSTEM.equals(username)) {
			problems.add(new FieldProblem("username",
					"'" + AuditNote.SYSTEM + "' is reserved: the audit trail names ScaleGate itself so"));
		}
	}

	private static void checkDetails(String fullName, String email, Collection<Role> roles,
			List<FieldProblem> problems) {
		if (fullName == null || fullName.isBlank()) {
			problems.add(new FieldProblem("fullName", "enter the name printed with the person's signatures"));
		}
		else if (fullName.strip().length() > NAME_LENGTH) {
			problems.add(new FieldProblem("fullName", "must have at most " + NAME_LENGTH + " characters"));
		}
		else if (CONTROL.matcher(fullName).find() || Checks.hasHiddenCharacter(fullName)) {
			problems.add(new FieldProblem("fullName", "must not contain control or invisible formatting characters"));
		}
		if (email == null || email.isBlank()) {
			// optional: ScaleGate sends no e-mail yet, and the seeded accounts have none
		}
		else if (email.strip().length() > EMAIL_LENGTH || !EMAIL.matcher(email.strip()).matches()
				|| CONTROL.matcher(email).find() || Checks.hasHiddenCharacter(email)) {
			problems.add(new FieldProblem("email", "is not an e-mail address like name@example.com"));
		}
		if (roles == null || roles.isEmpty() || roles.stream().anyMatch(java.util.Objects::isNull)) {
			problems.add(new FieldProblem("roles", "choose at least one role"));
		}
	}

	private static void checkReason(String reason) {
		List<FieldProblem> problems = new ArrayList<>();
		checkReason(reason, problems);
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
	}

	private static void checkReason(String reason, List<FieldProblem> problems) {
		if (reason == null || reason.isBlank()) {
			problems.add(new FieldProblem("reason", "give a reason: it is kept in the audit trail"));
		}
		else if (reason.strip().length() > REASON_LENGTH) {
			problems.add(new FieldProblem("reason", "must have at most " + REASON_LENGTH + " characters"));
		}
		else if (Checks.hasControlCharacter(reason) || Checks.hasHiddenCharacter(reason)) {
			problems.add(new FieldProblem("reason",
					"must not contain control or invisible formatting characters (tabs and line breaks are fine)"));
		}
	}

	/** The e-mail as kept: optional (ScaleGate sends no e-mail yet). */
	private static String mail(String email) {
		return email == null || email.isBlank() ? null : email.strip();
	}

	private static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

}
