package io.scalegate.security.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.PasswordField;
import io.scalegate.KaribuTest;
import io.scalegate.security.Role;
import io.scalegate.security.SigningCredentials;
import io.scalegate.security.SigningSecret;
import io.scalegate.security.SsoAccounts;
import io.scalegate.security.SsoAccounts.SsoIdentity;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** An SSO user sets and changes the signing PIN on /account/signing-pin. */
class SigningPinViewTest extends KaribuTest {

	@Autowired
	SsoAccounts ssoAccounts;

	@Autowired
	SigningCredentials signing;

	@Autowired
	JdbcClient jdbc;

	String anSsoUser() {
		String user = "sso-" + UUID.randomUUID().toString().substring(0, 8);
		ssoAccounts.signIn(new SsoIdentity("https://idp.example/acme", "subject-" + user, user, "Pia Pin", null,
				Set.of(Role.QUALITY)));
		return user;
	}

	PasswordField field(String id) {
		return _get(PasswordField.class, spec -> spec.withId(id));
	}

	void save() {
		_click(_get(Button.class, spec -> spec.withId("save-pin")));
	}

	@Test
	void anSsoUserSetsAPinRefusingWeakOnesAndChangesItWithTheCurrentOne() {
		String user = anSsoUser();
		login(user, "QUALITY");
		UI.getCurrent().navigate("account/signing-pin");
		// no PIN yet: no current one to enter (Karibu finds visible fields only)
		assertThat(_find(PasswordField.class, spec -> spec.withId("current-pin"))).isEmpty();

		field("new-pin").setValue("123456");
		field("repeat-pin").setValue("123456");
		save();
		assertThat(field("new-pin").isInvalid()).isTrue();
		assertThat(field("new-pin").getErrorMessage()).contains("run of digits");
		assertThat(signing.secretOf(user)).isEqualTo(SigningSecret.NO_PIN);

		field("new-pin").setValue("482915");
		field("repeat-pin").setValue("482916");
		save();
		assertThat(field("repeat-pin").getErrorMessage()).isEqualTo("the two PINs differ");
		assertThat(signing.secretOf(user)).isEqualTo(SigningSecret.NO_PIN);

		field("repeat-pin").setValue("482915");
		save();
		assertThat(signing.secretOf(user)).isEqualTo(SigningSecret.PIN);
		assertThat(field("current-pin").isVisible()).isTrue();
		signing.verify(user, "482915");

		field("current-pin").setValue("000000");
		field("new-pin").setValue("739164");
		field("repeat-pin").setValue("739164");
		save();
		assertThat(field("current-pin").getErrorMessage()).contains("wrong PIN (1 of 5");
		signing.verify(user, "482915");

		field("current-pin").setValue("482915");
		field("new-pin").setValue("739164");
		field("repeat-pin").setValue("739164");
		save();
		signing.verify(user, "739164");
		assertThat(jdbc.sql("select signing_pin_hash from app_user where username = ?")
			.param(user)
			.query(String.class)
			.single()).startsWith("{bcrypt}").doesNotContain("739164");
	}

	@Test
	void aLocalUserIsToldThatTheySignWithTheirPassword() {
		login("quality", "QUALITY");
		UI.getCurrent().navigate("account/signing-pin");
		assertThat(_get(Paragraph.class, spec -> spec.withId("pin-not-needed")).getText())
			.contains("You sign with your ScaleGate password");
		assertThat(_find(PasswordField.class, spec -> spec.withId("new-pin"))).isEmpty();
	}

}
