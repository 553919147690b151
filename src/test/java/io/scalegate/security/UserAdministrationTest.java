package io.scalegate.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scalegate.ScaleGateTest;
import io.scalegate.audit.AuditTrail;
import io.scalegate.base.Conflict;
import io.scalegate.base.InvalidInput;
import io.scalegate.base.NotFound;
import io.scalegate.security.SignInLock.Kind;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The administrators' operations on accounts (docs/adr/0014) through the service that the
 * Users view and the users API share: each rule, tried the way a careless administrator
 * or an attacker would break it, and each change in the audit trail with who, what and
 * why.
 */
@ScaleGateTest
class UserAdministrationTest {

	@Autowired
	UserAdministration users;

	@Autowired
	AuditTrail auditTrail;

	@Autowired
	UserAccounts accounts;

	@Autowired
	SigningCredentials signing;

	@Autowired
	SignInThrottle throttle;

	@Autowired
	PasswordEncoder passwords;

	@Autowired
	IdentityService identity;

	@Autowired
	JdbcClient jdbc;

	static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	OneTimePassword create(String username, Role... roles) {
		return users.create(username, "Test " + username, username + "@example.com", Set.of(roles), "new colleague",
				"admin");
	}

	Map<String, Object> lastEntry(String action, String username) {
		auditTrail.sealCommitted();
		return jdbc.sql("""
				select actor, details from audit_entry where action = ? and subject_id = ?
				order by id desc fetch first 1 rows only""")
			.params(action, username)
			.query((rs, n) -> Map.<String, Object>of("actor", rs.getString(1), "details", rs.getString(2)))
			.single();
	}

	@Test
	void createdAccountsHaveAOneTimePasswordTheOwnerMustChangeAndTheTrailSaysWhoWhatWhy() {
		String username = unique("create");
		OneTimePassword issued = create(username, Role.QUALITY, Role.ENGINEER);

		assertThat(issued.password()).hasSize(16).matches("[" + OneTimePasswords.ALPHABET + "]{16}");
		assertThat(issued.toString()).doesNotContain(issued.password());
		UserRow row = users.row(username).orElseThrow();
		assertThat(row.mustChangePassword()).isTrue();
		assertThat(row.enabled()).isTrue();
		assertThat(row.email()).isEqualTo(username + "@example.com");
		assertThat(row.roles()).containsExactlyInAnyOrder(Role.QUALITY, Role.ENGINEER);
		assertThat(row.lastLoginAt()).isNull();
		// the password is kept hashed, and the one-time password is in no trail entry
		String hash = jdbc.sql("select password_hash from app_user where username = ?")
			.param(username)
			.query(String.class)
			.single();
		assertThat(hash).doesNotContain(issued.password());
		assertThat(passwords.matches(issued.password(), hash)).isTrue();
		Map<String, Object> entry = lastEntry("USER_CREATED", username);
		assertThat(entry.get("actor")).isEqualTo("admin");
		assertThat((String) entry.get("details")).contains("new colleague", "QUALITY", "ENGINEER")
			.doesNotContain(issued.password());
		auditTrail.sealCommitted();
		assertThat(jdbc.sql("select count(*) from audit_entry where details like ?")
			.param("%" + issued.password() + "%")
			.query(Long.class)
			.single()).isZero();
		// the sign-in refuses it as expired credentials, and it cannot sign either
		assertThat(accounts.loadUserByUsername(username).isCredentialsNonExpired()).isFalse();
		assertThatThrownBy(() -> signing.verify(username, issued.password())).isInstanceOf(InvalidInput.class)
			.hasMessageContaining("one-time password");
	}

	@Test
	void hiddenCharactersCannotDisguiseANameAnEMailOrAReason() {
		String username = unique("hidden");
		assertThatThrownBy(() -> users.create(username, "Adm\u202ein", "a\u0000\u001b@x.io", Set.of(Role.AUDITOR),
				"r\u0000\u001b[31m", "admin"))
			.isInstanceOfSatisfying(InvalidInput.class,
					invalid -> assertThat(invalid.problems()).extracting(InvalidInput.FieldProblem::field)
						.containsExactly("fullName", "email", "reason"));
		assertThatThrownBy(() -> users.create(username, "Gail\u200b Gatekeeper", username + "@example.com",
				Set.of(Role.AUDITOR), "joins", "admin"))
			.isInstanceOfSatisfying(InvalidInput.class, invalid -> assertThat(invalid.field()).isEqualTo("fullName"));
		assertThat(users.row(username)).isEmpty();
	}

	@Test
	void nobodyMayBeNamedLikeTheSystemTheTrailNames() {
		assertThatThrownBy(() -> users.create("system", "System", "system@example.com", Set.of(Role.QUALITY),
				"looks like the engine", "admin"))
			.isInstanceOfSatisfying(InvalidInput.class, invalid -> {
				assertThat(invalid.field()).isEqualTo("username");
				assertThat(invalid.reason()).contains("reserved");
			});
		assertThat(users.row("system")).isEmpty();
	}

	@Test
	void eachOneTimePasswordIsDifferent() {
		String username = unique("otp");
		Set<String> seen = new java.util.HashSet<>();
		seen.add(create(username, Role.AUDITOR).password());
		for (int i = 0; i < 5; i++) {
			seen.add(users.resetPassword(username, "lost it", "admin").password());
		}
		assertThat(seen).hasSize(6);
	}

	@Test
	void badInputNamesEveryWrongFieldAndKeepsNothing() {
		assertThatThrownBy(() -> users.create("Bad Id!", " ", "not-an-email", Set.of(), " ", "admin"))
			.isInstanceOfSatisfying(InvalidInput.class,
					invalid -> assertThat(invalid.problems()).extracting(InvalidInput.FieldProblem::field)
						.containsExactly("username", "fullName", "email", "roles", "reason"));
		assertThatThrownBy(
				() -> users.create("x".repeat(101), "Long", "l@example.com", Set.of(Role.AUDITOR), "r", "admin"))
			.isInstanceOfSatisfying(InvalidInput.class, invalid -> {
				assertThat(invalid.field()).isEqualTo("username");
				assertThat(invalid.reason()).contains("at most 100");
			});
		for (String email : List.of("a@b", "a b@example.com", "@example.com", "a@@example.com",
				"x".repeat(250) + "@example.com")) {
			assertThatThrownBy(() -> users.create(unique("mail"), "Mail", email, Set.of(Role.AUDITOR), "r", "admin"))
				.as(email)
				.isInstanceOfSatisfying(InvalidInput.class, invalid -> assertThat(invalid.field()).isEqualTo("email"));
		}
		assertThat(accounts.exists("Bad Id!")).isFalse();
		assertThat(accounts.exists("x".repeat(100))).isFalse();
	}

	@Test
	void aTakenUserIdIsAConflictNamingTheField() {
		String username = unique("taken");
		create(username, Role.AUDITOR);
		assertThatThrownBy(() -> create(username, Role.ADMIN)).isInstanceOfSatisfying(Conflict.class, conflict -> {
			assertThat(conflict.field()).isEqualTo("username");
			assertThat(conflict.reason()).contains("is taken");
		});
		// the first account is untouched: still not an administrator
		assertThat(users.row(username).orElseThrow().roles()).containsExactly(Role.AUDITOR);
		// the demo accounts too
		assertThatThrownBy(() -> create("admin", Role.ADMIN)).isInstanceOf(Conflict.class);
	}

	@Test
	void anEditKeepsBeforeAndAfterInTheTrail() {
		String username = unique("edit");
		create(username, Role.ENGINEER);
		UserRow edited = users.edit(username, "Renamed Person", "renamed@example.com",
				Set.of(Role.ENGINEER, Role.GATEKEEPER), "promoted", "admin");

		assertThat(edited.fullName()).isEqualTo("Renamed Person");
		assertThat(edited.email()).isEqualTo("renamed@example.com");
		assertThat(edited.roles()).containsExactlyInAnyOrder(Role.ENGINEER, Role.GATEKEEPER);
		assertThat(accounts.find(username).orElseThrow().roles()).contains(Role.GATEKEEPER);
		String details = (String) lastEntry("USER_EDITED", username).get("details");
		assertThat(details).contains("promoted", "Renamed Person", "Test " + username, "GATEKEEPER");

		assertThatThrownBy(() -> users.edit(username, "Renamed Person", "renamed@example.com",
				Set.of(Role.ENGINEER, Role.GATEKEEPER), "again", "admin"))
			.isInstanceOf(InvalidInput.class)
			.hasMessageContaining("nothing to save");
		assertThatThrownBy(
				() -> users.edit(username, "Renamed Person", "renamed@example.com", Set.of(), "none", "admin"))
			.isInstanceOfSatisfying(InvalidInput.class, invalid -> assertThat(invalid.field()).isEqualTo("roles"));
		assertThatThrownBy(() -> users.edit(unique("nobody"), "N", "n@example.com", Set.of(Role.AUDITOR), "r", "admin"))
			.isInstanceOf(NotFound.class);
	}

	@Test
	void everyChangeNeedsAReason() {
		String username = unique("reason");
		create(username, Role.ENGINEER);
		List<Runnable> changes = List.of(
				() -> users.edit(username, "Other", "o@example.com", Set.of(Role.ENGINEER), "  ", "admin"),
				() -> users.disable(username, "", "admin"), () -> users.enable(username, null, "admin"),
				() -> users.resetPassword(username, " ", "admin"), () -> users.unlockSigning(username, "", "admin"),
				() -> users.unlockLogin(username, "", "admin"));
		for (Runnable change : changes) {
			assertThatThrownBy(change::run).isInstanceOfSatisfying(InvalidInput.class, invalid -> {
				assertThat(invalid.field()).isEqualTo("reason");
				assertThat(invalid.reason()).contains("audit trail");
			});
		}
		assertThat(users.row(username).orElseThrow().fullName()).isEqualTo("Test " + username);
	}

	@Test
	void aDisabledAccountCanNeitherSignInNorSignAndComesBackWhenEnabled() {
		String username = unique("leaver");
		accounts.save(username, "Leaving Person", "demo", EnumSet.of(Role.GATEKEEPER));
		signing.verify(username, "demo");

		users.disable(username, "left the company", "admin");

		assertThat(accounts.loadUserByUsername(username).isEnabled()).isFalse();
		assertThatThrownBy(() -> signing.verify(username, "demo")).isInstanceOf(InvalidInput.class)
			.hasMessageContaining("no active account");
		assertThat(lastEntry("USER_DISABLED", username).get("details").toString()).contains("left the company");
		assertThatThrownBy(() -> users.disable(username, "twice", "admin")).hasMessageContaining("already disabled");
		// kept, never deleted
		assertThat(accounts.exists(username)).isTrue();

		users.enable(username, "came back", "admin");
		assertThat(accounts.loadUserByUsername(username).isEnabled()).isTrue();
		signing.verify(username, "demo");
		assertThat(lastEntry("USER_ENABLED", username).get("details").toString()).contains("came back");
	}

	@Test
	void anAdministratorCannotDemoteNorDisableThemselves() {
		String me = unique("self-admin");
		create(me, Role.ADMIN);
		assertThatThrownBy(() -> users.edit(me, "Me", "me@example.com", Set.of(Role.AUDITOR), "tidy up", me))
			.isInstanceOfSatisfying(InvalidInput.class, invalid -> {
				assertThat(invalid.field()).isEqualTo("roles");
				assertThat(invalid.reason()).contains("your own ADMIN role");
			});
		assertThatThrownBy(() -> users.disable(me, "going away", me)).isInstanceOfSatisfying(InvalidInput.class,
				invalid -> {
					assertThat(invalid.field()).isEqualTo("username");
					assertThat(invalid.reason()).contains("your own account");
				});
		UserRow row = users.row(me).orElseThrow();
		assertThat(row.enabled()).isTrue();
		assertThat(row.roles()).contains(Role.ADMIN);
		// another administrator may
		users.edit(me, "Me", "me@example.com", Set.of(Role.AUDITOR), "no longer administers", "admin");
		assertThat(users.row(me).orElseThrow().roles()).containsExactly(Role.AUDITOR);
	}

	@Test
	void theLastEnabledAdministratorCanNeverBeRemovedNorDisabled() {
		String last = unique("last-admin");
		String other = unique("other-admin");
		create(last, Role.ADMIN);
		create(other, Role.ADMIN);
		users.disable(other, "only one shall remain", "admin");
		try (var only = OnlyAdministrators.keep(jdbc, last)) {
			assertThatThrownBy(
					() -> users.edit(last, "Last", "last@example.com", Set.of(Role.AUDITOR), "mistake", other))
				.isInstanceOfSatisfying(InvalidInput.class, invalid -> {
					assertThat(invalid.field()).isEqualTo("roles");
					assertThat(invalid.reason()).contains("last enabled administrator");
				});
			assertThatThrownBy(() -> users.disable(last, "mistake", other)).isInstanceOfSatisfying(InvalidInput.class,
					invalid -> {
						assertThat(invalid.field()).isEqualTo("username");
						assertThat(invalid.reason()).contains("last enabled administrator");
					});
			assertThat(users.row(last).orElseThrow().enabled()).isTrue();
			assertThat(users.row(last).orElseThrow().roles()).contains(Role.ADMIN);
			// a disabled administrator does not count: enabling one lets the other go
			users.enable(other, "back from leave", last);
			users.disable(last, "handing over", other);
			assertThat(users.row(last).orElseThrow().enabled()).isFalse();
		}
	}

	@Test
	void aResetPasswordReplacesTheOldOneAndMustBeChanged() {
		String username = unique("reset");
		accounts.save(username, "Forgetful Person", "demo", EnumSet.of(Role.ENGINEER));

		OneTimePassword issued = users.resetPassword(username, "forgot it", "admin");

		var details = accounts.loadUserByUsername(username);
		assertThat(passwords.matches("demo", details.getPassword())).isFalse();
		assertThat(passwords.matches(issued.password(), details.getPassword())).isTrue();
		assertThat(details.isCredentialsNonExpired()).isFalse();
		assertThat(users.row(username).orElseThrow().mustChangePassword()).isTrue();
		assertThat(lastEntry("ONE_TIME_PASSWORD_ISSUED", username).get("details").toString()).contains("forgot it")
			.doesNotContain(issued.password());
	}

	@Test
	void signingAndSignInLocksAreLiftedWithAReason() {
		String username = unique("locked");
		accounts.save(username, "Locked Person", "demo", EnumSet.of(Role.GATEKEEPER));
		for (int i = 0; i < SigningCredentials.MAX_FAILURES; i++) {
			assertThatThrownBy(() -> signing.verify(username, "wrong")).isInstanceOf(InvalidInput.class);
		}
		for (int i = 0; i < SignInThrottle.ACCOUNT_THRESHOLD; i++) {
			throttle.failed(username, "203.0.113.9", "BadCredentialsException", true);
		}
		UserRow locked = users.row(username).orElseThrow();
		assertThat(locked.signingLockedUntil()).isNotNull();
		assertThat(locked.loginLockedUntil()).isNotNull();
		assertThatThrownBy(() -> signing.verify(username, "demo")).hasMessageContaining("locked");

		users.unlockSigning(username, "called the help desk", "admin");
		users.unlockLogin(username, "called the help desk", "admin");

		UserRow unlocked = users.row(username).orElseThrow();
		assertThat(unlocked.signingLockedUntil()).isNull();
		assertThat(unlocked.loginLockedUntil()).isNull();
		signing.verify(username, "demo");
		assertThat(lastEntry("SIGNING_UNLOCKED", username).get("details").toString()).contains("called the help desk",
				"\"wasLocked\":true");
		assertThat(lastEntry("LOGIN_UNLOCKED", username).get("details").toString()).contains("called the help desk");
		assertThatThrownBy(() -> users.unlockSigning(username, "again", "admin"))
			.hasMessageContaining("signing is not locked");
		assertThatThrownBy(() -> users.unlockLogin(username, "again", "admin"))
			.hasMessageContaining("sign-in is not locked");
		throttle.unlock(Kind.ADDRESS, "203.0.113.9", "admin");
	}

	@Test
	void camundaSeesACreatedUserWithTheirEmailAndGroups() {
		String username = unique("camunda");
		create(username, Role.GATEKEEPER, Role.QUALITY);

		User user = identity.createUserQuery().userId(username).singleResult();
		assertThat(user.getEmail()).isEqualTo(username + "@example.com");
		assertThat(user.getFirstName()).isEqualTo("Test");
		assertThat(identity.createUserQuery().userEmail(username + "@example.com").list()).extracting(User::getId)
			.containsExactly(username);
		assertThat(identity.createUserQuery().userEmailLike("%" + username + "%").count()).isEqualTo(1);
		assertThat(identity.createUserQuery().memberOfGroup("GATEKEEPER").list()).extracting(User::getId)
			.contains(username);
		assertThat(identity.createGroupQuery().groupMember(username).list()).extracting(g -> g.getId())
			.containsExactlyInAnyOrder("GATEKEEPER", "QUALITY");
		// read-only: Camunda cannot change ScaleGate's people
		assertThat(identity.isReadOnly()).isTrue();

		users.edit(username, "Test " + username, "moved@example.com", Set.of(Role.QUALITY), "moved", "admin");
		assertThat(identity.createUserQuery().userId(username).singleResult().getEmail())
			.isEqualTo("moved@example.com");
		assertThat(identity.createUserQuery().memberOfGroup("GATEKEEPER").list()).extracting(User::getId)
			.doesNotContain(username);
	}

}
