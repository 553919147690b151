package io.scalegate.security;

import io.scalegate.base.Conflict;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The people in the database (tables {@code app_user}, {@code app_user_role}); passwords
 * are stored hashed. Accounts of people who sign in with their company login are
 * provisioned by {@link SsoAccounts}.
 */
@Repository
public class UserAccounts implements UserDetailsService {

	private final JdbcClient jdbc;

	private final PasswordEncoder passwords;

	private final ApplicationEventPublisher events;

	private final SignInThrottle throttle;

	private final SsoProperties sso;

	UserAccounts(JdbcClient jdbc, PasswordEncoder passwords, ApplicationEventPublisher events, SignInThrottle throttle,
			SsoProperties sso) {
		this.jdbc = jdbc;
		this.sso = sso;
		this.events = events;
		this.passwords = passwords;
		this.throttle = throttle;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		record Row(String username, String passwordHash, boolean enabled, boolean mustChangePassword,
				String authSource) {
		}
		Row row = jdbc.sql(
				"select username, password_hash, enabled, must_change_password, auth_source from app_user where username = ?")
			.param(username)
			.query(Row.class)
			.optional()
			.orElseThrow(() -> new UsernameNotFoundException(username));
		// password sign-in (form, HTTP Basic): never for company (SSO) accounts, and only
		// for the break-glass accounts where local login is off (docs/adr/0015); refused
		// like an unknown user
		if ("OIDC".equals(row.authSource()) || !sso.passwordSignInAllowed(row.username())) {
			throw new UsernameNotFoundException(username + " may not sign in with a password");
		}
		return User.withUsername(row.username())
			.password(row.passwordHash())
			.disabled(!row.enabled())
			// a one-time password is checked, then refused as expired credentials: the
			// form login sends its owner to /login/new-password, HTTP Basic gets a 401
			// that says so (docs/adr/0014)
			.credentialsExpired(row.mustChangePassword())
			// a locked sign-in is refused before its password is checked, whatever path
			// it
			// came by (SignInThrottleFilter answers the usual ones first, with the time)
			.accountLocked(throttle.lockedUntil(username, clientAddress()).isPresent())
			.authorities(roles(username).stream().map(role -> new SimpleGrantedAuthority(role.authority())).toList())
			.build();
	}

	private static String clientAddress() {
		return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
				? request.getRequest().getRemoteAddr() : null;
	}

	public Optional<UserAccount> find(String username) {
		record Row(String username, String fullName, boolean enabled) {
		}
		return jdbc.sql("select username, full_name, enabled from app_user where username = ?")
			.param(username)
			.query(Row.class)
			.optional()
			.map(row -> new UserAccount(row.username(), row.fullName(), row.enabled(), roles(username)));
	}

	/**
	 * Every account, by user id; small enough for the engine's identity queries to filter
	 * in memory.
	 */
	public List<UserAccount> all() {
		record Row(String username, String fullName, boolean enabled) {
		}
		Map<String, Set<Role>> roles = new HashMap<>();
		jdbc.sql("select username, role from app_user_role").query((rs, n) -> {
			roles.computeIfAbsent(rs.getString(1), u -> EnumSet.noneOf(Role.class)).add(Role.valueOf(rs.getString(2)));
			return null;
		}).list();
		return jdbc.sql("select username, full_name, enabled from app_user order by username")
			.query(Row.class)
			.list()
			.stream()
			.map(row -> new UserAccount(row.username(), row.fullName(), row.enabled(),
					roles.getOrDefault(row.username(), EnumSet.noneOf(Role.class))))
			.toList();
	}

	/** The e-mail addresses of the accounts that have one, by user id. */
	public Map<String, String> emails() {
		Map<String, String> emails = new HashMap<>();
		jdbc.sql("select username, email from app_user where email is not null").query((rs, n) -> {
			emails.put(rs.getString(1), rs.getString(2));
			return null;
		}).list();
		return emails;
	}

	/** The account's e-mail address, if it has one. */
	public Optional<String> email(String username) {
		return jdbc.sql("select email from app_user where username = ? and email is not null")
			.param(username)
			.query(String.class)
			.optional();
	}

	/**
	 * A person signed in (a form login, or HTTP Basic on a request): kept as the last
	 * login, at most once a minute so that API calls do not each write.
	 */
	void signedIn(String username, java.time.Instant at) {
		jdbc.sql(
				"update app_user set last_login_at = ? where username = ? and (last_login_at is null or last_login_at < ?)")
			.params(java.time.OffsetDateTime.ofInstant(at, java.time.ZoneOffset.UTC), username,
					java.time.OffsetDateTime.ofInstant(at.minusSeconds(60), java.time.ZoneOffset.UTC))
			.update();
	}

	/**
	 * The account was disabled, or its password reset to a one-time password: a session
	 * signed in before must end. False for a name no account has.
	 */
	/**
	 * The account's session epoch (docs/adr/0014), or empty when its sessions must end
	 * now: the account is gone, disabled or holds a one-time password.
	 */
	java.util.OptionalLong sessionEpoch(String username) {
		return jdbc.sql("""
				select session_epoch from app_user
				where username = ? and enabled = true and must_change_password = false""")
			.param(username)
			.query(Long.class)
			.optional()
			.map(java.util.OptionalLong::of)
			.orElse(java.util.OptionalLong.empty());
	}

	public boolean exists(String username) {
		return jdbc.sql("select count(*) from app_user where username = ?")
			.param(username)
			.query(Long.class)
			.single() > 0;
	}

	/** Creates the account, or sets its name, password and roles when it exists. */
	@Transactional
	public void save(String username, String fullName, String rawPassword, Set<Role> roles) {
		String hash = passwords.encode(rawPassword);
		int updated = jdbc.sql("""
				update app_user set full_name = ?, password_hash = ?, enabled = true, must_change_password = false,
				password_issued_at = null where username = ?""").params(fullName, hash, username).update();
		if (updated == 0) {
			try {
				jdbc.sql("insert into app_user (username, password_hash, full_name, enabled) values (?, ?, ?, true)")
					.params(username, hash, fullName)
					.update();
			}
			catch (RuntimeException raced) {
				// not there when updated, there when inserted: another request created it
				if (Conflict.of(raced) != null) {
					throw new Conflict("username",
							"account " + username + " was created at the same moment by another request");
				}
				throw raced;
			}
		}
		setRoles(username, roles);
		events.publishEvent(new UserChanged(username, fullName, Set.copyOf(roles), updated == 0));
	}

	/** Replaces the account's roles (in the caller's transaction). */
	void setRoles(String username, Set<Role> roles) {
		jdbc.sql("delete from app_user_role where username = ?").param(username).update();
		for (Role role : roles) {
			jdbc.sql("insert into app_user_role (username, role) values (?, ?)").params(username, role.name()).update();
		}
	}

	Set<Role> roles(String username) {
		List<String> names = jdbc.sql("select role from app_user_role where username = ? order by role")
			.param(username)
			.query(String.class)
			.list();
		Set<Role> roles = EnumSet.noneOf(Role.class);
		names.forEach(name -> roles.add(Role.valueOf(name)));
		return roles;
	}

}
