package io.scalegate.security.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import io.scalegate.KaribuTest;
import io.scalegate.security.OneTimePassword;
import io.scalegate.security.Role;
import io.scalegate.security.SignInLock.Kind;
import io.scalegate.security.SignInThrottle;
import io.scalegate.security.UserAdministration;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The anonymous page where a one-time password is replaced (docs/adr/0014), throttled
 * like the login.
 */
class NewPasswordViewTest extends KaribuTest {

	@Autowired
	UserAdministration users;

	@Autowired
	SignInThrottle throttle;

	@Autowired
	PasswordEncoder passwords;

	@Autowired
	JdbcClient jdbc;

	String username = "otp-" + UUID.randomUUID().toString().substring(0, 8);

	@AfterEach
	void unlock() {
		throttle.unlock(Kind.ACCOUNT, username, "admin");
		throttle.unlock(Kind.ACCOUNT, "nobody-" + username, "admin");
		// the failures counted against this test's client address too
		if (AccountView.address() != null) {
			throttle.unlock(Kind.ADDRESS, AccountView.address(), "admin");
		}
	}

	OneTimePassword issue() {
		return users.create(username, "Olive Onetime", username + "@example.com", Set.of(Role.ENGINEER), "joins",
				"admin");
	}

	void open() {
		UI.getCurrent().navigate("login/new-password", com.vaadin.flow.router.QueryParameters.of("username", username));
	}

	void submit(String user, String oneTime, String chosen, String repeat) {
		_get(TextField.class, spec -> spec.withId("username")).setValue(user);
		field("one-time-password").setValue(oneTime);
		field("new-password").setValue(chosen);
		field("repeat-password").setValue(repeat);
		_click(_get(Button.class, spec -> spec.withId("choose-password")));
	}

	PasswordField field(String id) {
		return _get(PasswordField.class, spec -> spec.withId(id));
	}

	String hash() {
		return jdbc.sql("select password_hash from app_user where username = ?")
			.param(username)
			.query(String.class)
			.single();
	}

	@Test
	void theOneTimePasswordIsReplacedAndTheLoginSaysSo() {
		OneTimePassword issued = issue();
		open();
		assertThat(_get(TextField.class, spec -> spec.withId("username")).getValue()).isEqualTo(username);

		submit(username, issued.password(), "green lantern at midnight", "green lantern at midnight");

		assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath()).isEqualTo("login");
		assertThat(_get(Paragraph.class, spec -> spec.withId("password-changed")).isVisible()).isTrue();
		assertThat(passwords.matches("green lantern at midnight", hash())).isTrue();
		assertThat(users.row(username).orElseThrow().mustChangePassword()).isFalse();
		// the one-time password is spent
		open();
		submit(username, issued.password(), "another fine password", "another fine password");
		assertThat(field("one-time-password").getErrorMessage()).contains("one-time password is wrong");
	}

	@Test
	void wrongOneTimePasswordsCountAsFailedSignInsAndLockLikeTheLogin() {
		OneTimePassword issued = issue();
		open();
		for (int attempt = 0; attempt < SignInThrottle.ACCOUNT_THRESHOLD; attempt++) {
			submit(username, "WRONGwrongWRONG1", "green lantern at midnight", "green lantern at midnight");
			assertThat(field("one-time-password").getErrorMessage()).contains("one-time password is wrong");
		}
		// now even the right one is refused until the lock ends or an administrator lifts
		// it
		submit(username, issued.password(), "green lantern at midnight", "green lantern at midnight");
		assertThat(_get(TextField.class, spec -> spec.withId("username")).getErrorMessage())
			.contains("too many failed sign-ins");
		assertThat(users.row(username).orElseThrow().mustChangePassword()).isTrue();
	}

	@Test
	void anUnknownUserGetsTheSameAnswer() {
		open();
		submit("nobody-" + username, "WRONGwrongWRONG1", "green lantern at midnight", "green lantern at midnight");
		assertThat(field("one-time-password").getErrorMessage())
			.isEqualTo("user id or one-time password is wrong, or there is no one-time password to replace");
	}

	@Test
	void thePolicyAppliesAndTheOneTimePasswordItselfIsRefused() {
		OneTimePassword issued = issue();
		open();
		submit(username, issued.password(), "olive tree", "olive tree");
		assertThat(field("new-password").getErrorMessage()).startsWith("must have at least 12");
		submit(username, issued.password(), "olive onetime tree", "olive onetime tree");
		assertThat(field("new-password").getErrorMessage()).isEqualTo("must not contain your name");
		submit(username, issued.password(), issued.password(), issued.password());
		assertThat(field("new-password").getErrorMessage()).isEqualTo("must differ from your current password");
		assertThat(users.row(username).orElseThrow().mustChangePassword()).isTrue();
	}

	@Test
	void anExpiredOneTimePasswordMustBeIssuedAgain() {
		OneTimePassword issued = issue();
		jdbc.sql("update app_user set password_issued_at = ? where username = ?")
			.params(java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).minusHours(73), username)
			.update();
		open();
		submit(username, issued.password(), "green lantern at midnight", "green lantern at midnight");
		assertThat(field("one-time-password").getErrorMessage()).contains("has expired");
		assertThat(users.row(username).orElseThrow().mustChangePassword()).isTrue();
	}

}
