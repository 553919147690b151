package io.scalegate.security;

import io.scalegate.base.Checks;
import io.scalegate.base.Conflict;
import io.scalegate.security.SsoRefused.Reason;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The accounts of people who sign in with their company login (docs/adr/0015): created or
 * updated from the identity provider's claims at each sign-in, bound to the issuer and
 * subject that created them. A user id that belongs to a local account, or to another
 * identity provider user, is refused, as are disabled accounts and people none of whose
 * groups gives a ScaleGate role.
 */
@Service
public class SsoAccounts {

	/** Who the identity provider says signed in, with the roles their claims map to. */
	public record SsoIdentity(String issuer, String subject, String username, String fullName, String email,
			Set<Role> roles) {

		/**
		 * An e-mail that does not fit the column (254 characters) or holds control
		 * characters is left out rather than failing the sign-in.
		 */
		public SsoIdentity {
			email = email == null || email.isBlank() || email.strip().length() > 254
					|| Checks.hasControlCharacter(email) ? null : email.strip();
		}

	}

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final PasswordEncoder passwords;

	private final ApplicationEventPublisher events;

	private final UserAccounts accounts;

	SsoAccounts(JdbcClient jdbc, UserAccounts accounts, PasswordEncoder passwords, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.passwords = passwords;
		this.events = events;
	}

	/**
	 * Creates or updates the account and returns its roles; throws {@link SsoRefused}
	 * (audited) otherwise.
	 */
	@Transactional
	public Set<Role> signIn(SsoIdentity who) {
		record Row(String username, String fullName, String email, boolean enabled, String authSource,
				String oidcIssuer, String oidcSubject) {
		}
		if (who.username() == null || who.username().isBlank() || who.username().length() > 100
				|| !who.username().equals(who.username().strip())
				|| who.username().chars().anyMatch(Character::isISOControl)) {
			throw refused(who, Reason.INVALID, "the identity provider sent no usable user id");
		}
		if (who.issuer().length() > 500 || who.subject().length() > 255) {
			throw refused(who, Reason.INVALID, "the identity provider's issuer or subject is too long to keep");
		}
		Optional<String> linkedTo = jdbc
			.sql("select username from app_user where oidc_issuer = ? and oidc_subject = ? and username <> ?")
			.params(who.issuer(), who.subject(), who.username())
			.query(String.class)
			.optional();
		if (linkedTo.isPresent()) {
			throw refused(who, Reason.TAKEN, "this identity provider user is already linked to account "
					+ linkedTo.get() + "; its user id has changed");
		}
		Optional<Row> existing = jdbc.sql("""
				select username, full_name, email, enabled, auth_source, oidc_issuer, oidc_subject
				from app_user where username = ? for update""").param(who.username()).query(Row.class).optional();
		if (existing.isPresent()) {
			Row row = existing.get();
			if (!"OIDC".equals(row.authSource())) {
				throw refused(who, Reason.TAKEN,
						"the user id belongs to a local ScaleGate account, which a company sign-in may not take over");
			}
			if (!who.issuer().equals(row.oidcIssuer()) || !who.subject().equals(row.oidcSubject())) {
				throw refused(who, Reason.TAKEN,
						"the user id belongs to another identity provider user (" + row.oidcSubject() + ")");
			}
			if (!row.enabled()) {
				throw refused(who, Reason.DISABLED, "the account is disabled");
			}
		}
		if (who.roles().isEmpty()) {
			throw refused(who, Reason.NO_ROLE, "none of the user's groups is mapped to a ScaleGate role");
		}
		String fullName = fullName(who);
		boolean created = existing.isEmpty();
		if (created) {
			try {
				jdbc.sql("""
						insert into app_user (username, password_hash, full_name, enabled, auth_source, oidc_issuer,
						    oidc_subject, email)
						values (?, ?, ?, true, 'OIDC', ?, ?, ?)""")
					.params(who.username(), unusablePassword(), fullName, who.issuer(), who.subject(), who.email())
					.update();
			}
			catch (RuntimeException raced) {
				if (Conflict.of(raced) != null) {
					throw new SsoRefused(Reason.RACED, "the account was created at the same moment by another sign-in");
				}
				throw raced;
			}
		}
		Set<Role> before = accounts.roles(who.username());
		boolean changed = created || !before.equals(who.roles()) || !fullName.equals(existing.get().fullName())
				|| !Objects.equals(who.email(), existing.get().email());
		if (!changed) {
			return before;
		}
		if (!created) {
			// other sessions keep the roles they signed in with: they end if these
			// changed (docs/adr/0014)
			jdbc.sql("""
					update app_user set full_name = ?, email = ?,
					session_epoch = session_epoch + case when ? then 1 else 0 end where username = ?""")
				.params(fullName, who.email(), !before.equals(who.roles()), who.username())
				.update();
		}
		accounts.setRoles(who.username(), who.roles());
		events.publishEvent(new UserProvisioned(who.username(), fullName, who.email(), Set.copyOf(who.roles()), created,
				who.issuer(), who.subject()));
		return EnumSet.copyOf(who.roles());
	}

	private static String fullName(SsoIdentity who) {
		// the name printed with signatures: no invisible formatting from the identity
		// provider
		String given = who.fullName() == null ? null
				: who.fullName()
					.codePoints()
					.filter(c -> Character.getType(c) != Character.FORMAT && !Character.isISOControl(c))
					.collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
					.toString();
		String name = given == null || given.isBlank() ? who.username() : given.strip();
		return name.length() > 200 ? name.substring(0, 200) : name;
	}

	/** A hash of random bytes nobody knows: a well-formed hash that matches nothing. */
	private String unusablePassword() {
		byte[] secret = new byte[32];
		RANDOM.nextBytes(secret);
		return passwords.encode(Base64.getEncoder().encodeToString(secret));
	}

	private SsoRefused refused(SsoIdentity who, Reason reason, String message) {
		events.publishEvent(new SsoSignInRefused(String.valueOf(who.username()), who.issuer(), who.subject(), message));
		return new SsoRefused(reason, message);
	}

}
