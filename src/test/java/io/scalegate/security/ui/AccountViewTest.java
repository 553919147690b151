package io.scalegate.security.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.PasswordField;
import io.scalegate.KaribuTest;
import io.scalegate.audit.AuditTrail;
import io.scalegate.security.Role;
import io.scalegate.security.SignInLock.Kind;
import io.scalegate.security.SignInThrottle;
import io.scalegate.security.UserAdministration;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Everyone sees their account and changes their password (docs/adr/0014). */
class AccountViewTest extends KaribuTest {

	@Autowired
	io.scalegate.security.UserAccounts accounts;

	@Autowired
	AuditTrail auditTrail;

	@Autowired
	UserAdministration users;

	@Autowired
	SignInThrottle throttle;

	@Autowired
	PasswordEncoder passwords;

	@Autowired
	JdbcClient jdbc;

	String username;

	void openAsANewPerson() {
		username = "acct-" + UUID.randomUUID().toString().substring(0, 8);
		accounts.save(username, "Pat Q. Person", "demo seed ok", Set.of(Role.AUDITOR, Role.QUALITY));
		login(username, "AUDITOR", "QUALITY");
		UI.getCurrent().navigate("account");
	}

	PasswordField field(String id) {
		return _get(PasswordField.class, spec -> spec.withId(id));
	}

	void change(String current, String chosen, String repeat) {
		field("current-password").setValue(current);
		field("new-password").setValue(chosen);
		field("repeat-password").setValue(repeat);
		_click(_get(Button.class, spec -> spec.withId("change-password")));
	}

	String hash() {
		return jdbc.sql("select password_hash from app_user where username = ?")
			.param(username)
			.query(String.class)
			.single();
	}

	@Test
	void showsWhoIsSignedIn() {
		openAsANewPerson();
		users.edit(username, "Pat Q. Person", "pat@example.com", Set.of(Role.AUDITOR, Role.QUALITY), "e-mail known",
				"admin");
		UI.getCurrent().getPage().reload();
		assertThat(_get(Span.class, spec -> spec.withId("account-username")).getText()).isEqualTo(username);
		assertThat(_get(Span.class, spec -> spec.withId("account-name")).getText()).isEqualTo("Pat Q. Person");
		assertThat(_get(Span.class, spec -> spec.withId("account-email")).getText()).isEqualTo("pat@example.com");
		assertThat(_get(Span.class, spec -> spec.withId("account-roles")).getText()).isEqualTo("AUDITOR, QUALITY");
	}

	@Test
	void aWrongCurrentPasswordIsRefusedAndCountsAsAFailedSignIn() {
		openAsANewPerson();
		String before = hash();
		change("not my password", "purple tractor sings", "purple tractor sings");

		assertThat(field("current-password").isInvalid()).isTrue();
		assertThat(field("current-password").getErrorMessage()).isEqualTo("is not your current password");
		assertThat(hash()).isEqualTo(before);
		assertThat(jdbc.sql("select failures from sign_in_counter where kind = 'ACCOUNT' and subject = ?")
			.param(username)
			.query(Integer.class)
			.single()).isEqualTo(1);
		throttle.unlock(Kind.ACCOUNT, username, "admin");
		if (AccountView.address() != null) {
			throttle.unlock(Kind.ADDRESS, AccountView.address(), "admin");
		}
	}

	@Test
	void thePolicyRefusalsAreNamedBesideTheirFields() {
		openAsANewPerson();
		String before = hash();
		change("demo seed ok", "short one", "short one");
		assertThat(field("new-password").getErrorMessage()).startsWith("must have at least 12 characters");
		change("demo seed ok", "qwerty123456", "qwerty123456");
		assertThat(field("new-password").getErrorMessage()).contains("most common passwords");
		change("demo seed ok", "I am " + username + " here", "I am " + username + " here");
		assertThat(field("new-password").getErrorMessage()).isEqualTo("must not contain your user id");
		change("demo seed ok", "person of the year 2026", "person of the year 2026");
		assertThat(field("new-password").getErrorMessage()).isEqualTo("must not contain your name");
		change("demo seed ok", "demo seed ok", "demo seed ok");
		assertThat(field("new-password").getErrorMessage()).isEqualTo("must differ from your current password");
		change("demo seed ok", "purple tractor sings", "purple tractor sang");
		assertThat(field("new-password").isInvalid()).isFalse();
		assertThat(field("repeat-password").getErrorMessage()).isEqualTo("does not match the new password");
		assertThat(hash()).isEqualTo(before);
	}

	@Test
	void aGoodPasswordIsStoredAndAudited() {
		openAsANewPerson();
		change("demo seed ok", "purple tractor sings loudly", "purple tractor sings loudly");

		assertThat(field("current-password").isInvalid()).isFalse();
		assertThat(field("current-password").getValue()).isEmpty();
		assertThat(passwords.matches("purple tractor sings loudly", hash())).isTrue();
		assertThat(passwords.matches("demo seed ok", hash())).isFalse();
		auditTrail.sealCommitted();
		assertThat(jdbc.sql("""
				select actor from audit_entry where action = 'PASSWORD_CHANGED' and subject_id = ?
				order by id desc fetch first 1 rows only""").param(username).query(String.class).single())
			.isEqualTo(username);
		auditTrail.sealCommitted();
		assertThat(
				jdbc.sql("select count(*) from audit_entry where details like '%tractor%'").query(Long.class).single())
			.isZero();
	}

	@Test
	void aCompanyLoginAccountIsSentToItsSigningPinAndHasNoPasswordToChange() {
		username = "acct-" + UUID.randomUUID().toString().substring(0, 8);
		accounts.save(username, "Sol S. Sso", "unused seed password", Set.of(Role.ENGINEER));
		jdbc.sql("update app_user set auth_source = 'OIDC', oidc_issuer = 'https://idp.example', oidc_subject = ? "
				+ "where username = ?")
			.params(username, username)
			.update();
		login(username, "ENGINEER");
		UI.getCurrent().navigate("account");
		assertThat(_get(Anchor.class, spec -> spec.withId("signing-pin-link")).getHref())
			.isEqualTo("account/signing-pin");
		assertThat(_get(Anchor.class, spec -> spec.withId("deputy-link")).getHref()).isEqualTo("account/deputy");
		assertThat(_find(PasswordField.class)).isEmpty();
		assertThat(_find(Button.class, spec -> spec.withId("change-password"))).isEmpty();
	}

}
