package io.scalegate.security.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._getCellComponent;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import io.scalegate.KaribuTest;
import io.scalegate.security.OnlyAdministrators;
import io.scalegate.security.Role;
import io.scalegate.security.SigningCredentials;
import io.scalegate.security.UserAccounts;
import io.scalegate.security.UserAdministration;
import io.scalegate.security.UserRow;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Administrators manage the accounts in the Users view (docs/adr/0014). */
class UsersViewTest extends KaribuTest {

	@Autowired
	UserAdministration users;

	@Autowired
	UserAccounts accounts;

	@Autowired
	SigningCredentials signing;

	@Autowired
	PasswordEncoder passwords;

	@Autowired
	JdbcClient jdbc;

	static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	void openAs(String admin) {
		login(admin, "ADMIN");
		UI.getCurrent().navigate("admin/users");
	}

	@SuppressWarnings("unchecked")
	Grid<UserRow> grid() {
		return _get(Grid.class, spec -> spec.withId("users"));
	}

	UserRow shown(String username) {
		return grid().getListDataView()
			.getItems()
			.filter(row -> row.username().equals(username))
			.findFirst()
			.orElseThrow();
	}

	void manage(String username) {
		int row = grid().getListDataView().getItems().map(UserRow::username).toList().indexOf(username);
		assertThat(row).as(username + " in the grid").isNotNegative();
		_click((Button) _getCellComponent(grid(), row, "manage"));
	}

	TextField text(String id) {
		return _get(TextField.class, spec -> spec.withId(id));
	}

	EmailField email() {
		return _get(EmailField.class, spec -> spec.withId("email"));
	}

	@SuppressWarnings("unchecked")
	CheckboxGroup<Role> roles() {
		return _get(CheckboxGroup.class, spec -> spec.withId("roles"));
	}

	void click(String id) {
		_click(_get(Button.class, spec -> spec.withId(id)));
	}

	String refused() {
		return _get(Span.class, spec -> spec.withId("refused")).getText();
	}

	String anAccount(Role... roles) {
		String username = unique("view");
		users.create(username, "Test " + username, username + "@example.com", Set.of(roles), "test", "admin");
		return username;
	}

	@Test
	void creatingAUserShowsItsOneTimePasswordOnce() {
		openAs("admin");
		String username = unique("new");
		click("new-user");
		text("username").setValue(username);
		text("full-name").setValue("Nora New");
		email().setValue("nora@example.com");
		roles().setValue(Set.of(Role.QUALITY));
		text("reason").setValue("joins quality");
		click("create");

		String password = text("one-time-password").getValue();
		assertThat(password).hasSize(16);
		String hash = jdbc.sql("select password_hash from app_user where username = ?")
			.param(username)
			.query(String.class)
			.single();
		assertThat(passwords.matches(password, hash)).isTrue();
		assertThat(shown(username).mustChangePassword()).isTrue();
		assertThat(shown(username).roles()).containsExactly(Role.QUALITY);

		click("done");
		// gone for good: not in the view, not in the grid's rows
		assertThat(_find(TextField.class, spec -> spec.withId("one-time-password"))).isEmpty();
		assertThat(shown(username).toString()).doesNotContain(password);
	}

	@Test
	void badInputIsNamedBesideEachFieldAndNothingIsCreated() {
		openAs("admin");
		click("new-user");
		text("username").setValue("Not Valid!");
		email().setValue("nope");
		text("reason").setValue(" ");
		click("create");

		assertThat(text("username").isInvalid()).isTrue();
		assertThat(text("username").getErrorMessage()).contains("lower-case letters");
		assertThat(text("full-name").getErrorMessage()).contains("enter the name");
		assertThat(email().getErrorMessage()).contains("not an e-mail address");
		assertThat(roles().isInvalid()).isTrue();
		assertThat(roles().getErrorMessage()).isEqualTo("choose at least one role");
		assertThat(text("reason").getErrorMessage()).contains("give a reason");
		assertThat(accounts.exists("Not Valid!")).isFalse();
	}

	@Test
	void aTakenUserIdIsNamed() {
		String taken = anAccount(Role.AUDITOR);
		openAs("admin");
		click("new-user");
		text("username").setValue(taken);
		text("full-name").setValue("Someone Else");
		email().setValue("else@example.com");
		roles().setValue(Set.of(Role.ADMIN));
		text("reason").setValue("oops");
		click("create");

		assertThat(text("username").getErrorMessage()).contains("is taken");
		assertThat(users.row(taken).orElseThrow().roles()).containsExactly(Role.AUDITOR);
	}

	@Test
	void anAdministratorEditsNameEmailAndRolesWithAReason() {
		String username = anAccount(Role.ENGINEER);
		openAs("admin");
		manage(username);
		text("full-name").setValue("Edited Name");
		email().setValue("edited@example.com");
		roles().setValue(EnumSet.of(Role.ENGINEER, Role.GATEKEEPER));
		click("save");
		assertThat(text("reason").getErrorMessage()).contains("give a reason");
		assertThat(users.row(username).orElseThrow().fullName()).isEqualTo("Test " + username);

		text("reason").setValue("promoted");
		click("save");

		UserRow row = shown(username);
		assertThat(row.fullName()).isEqualTo("Edited Name");
		assertThat(row.email()).isEqualTo("edited@example.com");
		assertThat(row.roles()).containsExactlyInAnyOrder(Role.ENGINEER, Role.GATEKEEPER);
	}

	@Test
	void anAdministratorDisablesAndEnablesAnAccount() {
		String username = anAccount(Role.GATEKEEPER);
		openAs("admin");
		manage(username);
		click("disable");
		assertThat(text("reason").getErrorMessage()).contains("give a reason");
		text("reason").setValue("left");
		click("disable");
		assertThat(shown(username).enabled()).isFalse();
		assertThat(accounts.loadUserByUsername(username).isEnabled()).isFalse();

		manage(username);
		text("reason").setValue("back");
		click("enable");
		assertThat(shown(username).enabled()).isTrue();
	}

	@Test
	void aResetShowsANewOneTimePasswordAndTheOldPasswordStopsWorking() {
		String username = unique("reset");
		accounts.save(username, "Reset Person", "demo", EnumSet.of(Role.ENGINEER));
		openAs("admin");
		manage(username);
		text("reason").setValue("forgot it");
		click("reset-password");

		String password = text("one-time-password").getValue();
		String hash = jdbc.sql("select password_hash from app_user where username = ?")
			.param(username)
			.query(String.class)
			.single();
		assertThat(passwords.matches(password, hash)).isTrue();
		assertThat(passwords.matches("demo", hash)).isFalse();
		assertThat(shown(username).mustChangePassword()).isTrue();
	}

	@Test
	void anAdministratorUnlocksSigningAndSignIn() {
		String username = unique("unlock");
		accounts.save(username, "Locked Person", "demo", EnumSet.of(Role.GATEKEEPER));
		for (int i = 0; i < SigningCredentials.MAX_FAILURES; i++) {
			assertThatThrownBy(() -> signing.verify(username, "wrong")).isNotNull();
		}
		jdbc.sql("""
				insert into sign_in_counter (kind, subject, failures, last_failed_at, locked_until)
				values ('ACCOUNT', ?, 5, current_timestamp, dateadd('MINUTE', 10, current_timestamp))""")
			.param(username)
			.update();
		openAs("admin");
		assertThat(shown(username).signingLockedUntil()).isNotNull();
		assertThat(shown(username).loginLockedUntil()).isNotNull();

		manage(username);
		text("reason").setValue("help desk call");
		click("unlock-signing");
		manage(username);
		text("reason").setValue("help desk call");
		click("unlock-login");

		assertThat(shown(username).signingLockedUntil()).isNull();
		assertThat(shown(username).loginLockedUntil()).isNull();
		signing.verify(username, "demo");

		// nothing locked: nothing offered to unlock (and the service refuses it anyway)
		manage(username);
		assertThat(_get(Button.class, spec -> spec.withId("unlock-signing")).isEnabled()).isFalse();
		assertThat(_get(Button.class, spec -> spec.withId("unlock-login")).isEnabled()).isFalse();
		assertThatThrownBy(() -> users.unlockSigning(username, "again", "admin"))
			.hasMessageContaining("signing is not locked");
	}

	@Test
	void anAdministratorCannotDemoteNorDisableThemselves() {
		String me = anAccount(Role.ADMIN);
		openAs(me);
		manage(me);
		roles().setValue(EnumSet.of(Role.AUDITOR));
		text("reason").setValue("step down");
		click("save");
		assertThat(roles().getErrorMessage()).contains("your own ADMIN role");

		click("disable");
		assertThat(refused()).contains("your own account");
		assertThat(users.row(me).orElseThrow().roles()).contains(Role.ADMIN);
		assertThat(users.row(me).orElseThrow().enabled()).isTrue();
	}

	@Test
	void theLastEnabledAdministratorIsRefused() {
		String last = anAccount(Role.ADMIN);
		String acting = anAccount(Role.ADMIN);
		try (var only = OnlyAdministrators.keep(jdbc, last)) {
			openAs(acting);
			manage(last);
			text("reason").setValue("clean up");
			click("disable");
			assertThat(refused()).contains("last enabled administrator");
			roles().setValue(EnumSet.of(Role.AUDITOR));
			click("save");
			assertThat(roles().getErrorMessage()).contains("last enabled administrator");
			assertThat(users.row(last).orElseThrow().enabled()).isTrue();
			assertThat(users.row(last).orElseThrow().roles()).contains(Role.ADMIN);
		}
	}

	@Test
	@SuppressWarnings("unchecked")
	void theAuditTrailShowsAccountChangesInOneClick() {
		String username = anAccount(Role.ENGINEER);
		users.disable(username, "left", "admin");
		login("auditor", "AUDITOR");
		UI.getCurrent().navigate("audit");
		click("show-user-created");
		Grid<io.scalegate.audit.AuditEntry> trail = _get(Grid.class, spec -> spec.withId("audit-entries"));
		java.util.List<io.scalegate.audit.AuditEntry> shown = trail.getLazyDataView().getItems().toList();
		assertThat(shown).extracting(entry -> entry.action().name())
			.allMatch(action -> action.startsWith("USER_") || action.endsWith("_UNLOCKED")
					|| action.equals("ONE_TIME_PASSWORD_ISSUED") || action.equals("PASSWORD_CHANGED"));
		assertThat(shown).filteredOn(entry -> username.equals(entry.subjectId()))
			.extracting(entry -> entry.action().name())
			.containsExactlyInAnyOrder("USER_CREATED", "USER_DISABLED");
	}

	@Test
	void onlyAdministratorsOpenItAndSeeItInTheNavigation() {
		openAs("admin");
		assertThat(navigation()).contains("Users", "My account");

		login("engineer", "ENGINEER");
		assertThat(navigation()).contains("My account").doesNotContain("Users");
		assertAccessDenied("admin/users");
	}

	java.util.List<String> navigation() {
		UI.getCurrent().navigate("account");
		return _get(SideNav.class, spec -> spec.withId("navigation")).getItems()
			.stream()
			.map(SideNavItem::getLabel)
			.toList();
	}

	@Test
	void aCompanyLoginAccountGetsItsSigningPinResetNotAPasswordAndItsRolesStayWithTheIdentityProvider() {
		String username = anAccount(Role.ENGINEER);
		jdbc.sql("""
				update app_user set auth_source = 'OIDC', oidc_issuer = 'https://idp.example', oidc_subject = ?,
				must_change_password = false, signing_pin_hash = ? where username = ?""")
			.params(username, passwords.encode("493817"), username)
			.update();
		openAs("admin");
		assertThat(shown(username).companyLogin()).isTrue();
		manage(username);
		assertThat(_find(Button.class, spec -> spec.withId("reset-password"))).isEmpty();
		assertThat(_find(Button.class, spec -> spec.withId("save"))).isEmpty();
		assertThat(roles().isReadOnly()).isTrue();
		// the service refuses what the view hides
		assertThatThrownBy(() -> users.edit(username, "Other Name", username + "@example.com", Set.of(Role.ADMIN),
				"promote", "admin"))
			.hasMessageContaining("company login");
		assertThatThrownBy(() -> users.resetPassword(username, "forgot", "admin"))
			.hasMessageContaining("reset the signing PIN instead");
		click("reset-signing-pin");
		assertThat(text("reason").isInvalid()).isTrue();
		text("reason").setValue("forgot the PIN");
		click("reset-signing-pin");
		assertThat(jdbc.sql("select count(*) from app_user where username = ? and signing_pin_hash is null")
			.param(username)
			.query(Long.class)
			.single()).isOne();
		assertThat(accounts.find(username).orElseThrow().roles()).containsExactly(Role.ENGINEER);
	}

}
