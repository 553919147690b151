package io.scalegate.task.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._getCellComponent;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.TextField;
import io.scalegate.KaribuTest;
import io.scalegate.audit.AuditTrail;
import io.scalegate.security.Role;
import io.scalegate.security.UserAccount;
import io.scalegate.security.UserAccounts;
import io.scalegate.task.Deputies;
import io.scalegate.task.Deputyship;
import io.scalegate.task.NewDeputyship;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The deputy page: naming, every rule beside its field, seeing and ending deputyships.
 */
class DeputyViewTest extends KaribuTest {

	@Autowired
	UserAccounts accounts;

	@Autowired
	AuditTrail auditTrail;

	@Autowired
	Deputies deputies;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	UserAccount aUser(Role... roles) {
		String username = "dv-" + UUID.randomUUID().toString().substring(0, 8);
		accounts.save(username, "Person " + username, "demo", EnumSet.of(roles[0], roles));
		return accounts.find(username).orElseThrow();
	}

	LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
	}

	void open(UserAccount user) {
		login(user.username(), user.roles().stream().map(Enum::name).toArray(String[]::new));
		UI.getCurrent().navigate("account/deputy");
	}

	@SuppressWarnings("unchecked")
	ComboBox<UserAccount> combo(String id) {
		return _get(ComboBox.class, spec -> spec.withId(id));
	}

	DatePicker day(String id) {
		return _get(DatePicker.class, spec -> spec.withId(id));
	}

	TextField reason() {
		return _get(TextField.class, spec -> spec.withId("reason"));
	}

	@SuppressWarnings("unchecked")
	Grid<Deputyship> grid() {
		return _get(Grid.class, spec -> spec.withId("deputyships"));
	}

	UserAccount item(String comboId, UserAccount account) {
		return combo(comboId).getListDataView()
			.getItems()
			.filter(a -> a.username().equals(account.username()))
			.findFirst()
			.orElseThrow(() -> new AssertionError(account.username() + " is not offered in " + comboId));
	}

	void fill(UserAccount deputy, LocalDate first, LocalDate last, String why) {
		if (deputy != null) {
			combo("deputy").setValue(item("deputy", deputy));
		}
		day("firstDay").setValue(first);
		day("lastDay").setValue(last);
		reason().setValue(why);
		_click(_get(Button.class, spec -> spec.withId("name-deputy")));
	}

	long deputyshipsOf(UserAccount absent) {
		return jdbc.sql("select count(*) from deputyship where absent = ?")
			.param(absent.username())
			.query(Long.class)
			.single();
	}

	@Test
	void aPersonNamesTheirDeputyAndSeesIt() {
		UserAccount absent = aUser(Role.ENGINEER);
		UserAccount deputy = aUser(Role.ENGINEER);
		open(absent);
		assertThat(_find(ComboBox.class, spec -> spec.withId("absent")))
			.as("only an administrator chooses the absent person")
			.isEmpty();

		fill(deputy, today(), today().plusDays(6), "holiday");

		assertThat(grid().getListDataView().getItems().toList()).singleElement().satisfies(d -> {
			assertThat(d.absent()).isEqualTo(absent.username());
			assertThat(d.deputy()).isEqualTo(deputy.username());
			assertThat(d.lastDay()).isEqualTo(today().plusDays(6));
			assertThat(d.namedBy()).isEqualTo(absent.username());
		});
		auditTrail.sealCommitted();
		assertThat(jdbc.sql("select actor from audit_entry where action = 'DEPUTY_NAMED' and subject_id = ?")
			.param(absent.username())
			.query(String.class)
			.list()).containsExactly(absent.username());
		assertThat(combo("deputy").isInvalid()).isFalse();
	}

	@Test
	void onlyEnabledOthersWhoShareARoleAreOffered() {
		UserAccount absent = aUser(Role.QUALITY, Role.ENGINEER);
		UserAccount engineer = aUser(Role.ENGINEER);
		UserAccount auditor = aUser(Role.AUDITOR);
		UserAccount disabled = aUser(Role.QUALITY);
		jdbc.sql("update app_user set enabled = false where username = ?").param(disabled.username()).update();
		open(absent);

		List<String> offered = combo("deputy").getListDataView().getItems().map(UserAccount::username).toList();
		assertThat(offered).contains(engineer.username())
			.doesNotContain(absent.username(), auditor.username(), disabled.username());
	}

	@Test
	void eachMissingFieldIsNamedAndNothingIsKept() {
		UserAccount absent = aUser(Role.ENGINEER);
		open(absent);
		day("firstDay").clear();

		fill(null, null, null, "  ");

		assertThat(combo("deputy").isInvalid()).isTrue();
		assertThat(combo("deputy").getErrorMessage()).isEqualTo("choose who stands in");
		assertThat(day("firstDay").getErrorMessage()).isEqualTo("choose the first day");
		assertThat(day("lastDay").getErrorMessage()).isEqualTo("choose the last day");
		assertThat(reason().isInvalid()).isTrue();
		assertThat(reason().getErrorMessage()).startsWith("say why");
		assertThat(deputyshipsOf(absent)).isZero();
	}

	@Test
	void thePeriodEndsOnOrAfterItStartsIsNotPastAndLastsAtMostNinetyDays() {
		UserAccount absent = aUser(Role.ENGINEER);
		UserAccount deputy = aUser(Role.ENGINEER);
		open(absent);

		fill(deputy, today().plusDays(3), today().plusDays(2), "holiday");
		assertThat(day("lastDay").isInvalid()).isTrue();
		assertThat(day("lastDay").getErrorMessage()).contains("before the first day");

		fill(deputy, today().minusDays(10), today().minusDays(1), "holiday");
		assertThat(day("lastDay").getErrorMessage()).contains("wholly in the past");

		fill(deputy, today(), today().plusDays(Deputies.MAX_DAYS), "holiday");
		assertThat(day("lastDay").getErrorMessage()).contains("at most 90 days").contains("91 chosen");
		assertThat(deputyshipsOf(absent)).isZero();

		// ninety days exactly, started yesterday (sick leave named a day late): fine
		fill(deputy, today().minusDays(1), today().plusDays(Deputies.MAX_DAYS - 2), "sick leave");
		assertThat(day("lastDay").isInvalid()).isFalse();
		assertThat(deputyshipsOf(absent)).isOne();
	}

	@Test
	void aReasonWithControlCharactersIsRefused() {
		UserAccount absent = aUser(Role.ENGINEER);
		UserAccount deputy = aUser(Role.ENGINEER);
		open(absent);

		fill(deputy, today(), today(), "holiday\u0007");

		assertThat(reason().getErrorMessage()).contains("control characters");
		assertThat(deputyshipsOf(absent)).isZero();
	}

	@Test
	void aDeputyDisabledOrWithoutASharedRoleSinceThePageOpenedIsRefused() {
		UserAccount absent = aUser(Role.QUALITY);
		UserAccount deputy = aUser(Role.QUALITY);
		open(absent);
		UserAccount offered = item("deputy", deputy);

		// an administrator takes the role away meanwhile
		accounts.save(deputy.username(), deputy.fullName(), "demo", EnumSet.of(Role.ENGINEER));
		combo("deputy").setValue(offered);
		fill(null, today(), today().plusDays(1), "holiday");
		assertThat(combo("deputy").getErrorMessage()).contains("holds none of").contains("QUALITY");

		// and disables the account
		accounts.save(deputy.username(), deputy.fullName(), "demo", EnumSet.of(Role.QUALITY));
		jdbc.sql("update app_user set enabled = false where username = ?").param(deputy.username()).update();
		fill(null, today(), today().plusDays(1), "holiday");
		assertThat(combo("deputy").getErrorMessage()).contains("disabled");
		assertThat(deputyshipsOf(absent)).isZero();
	}

	@Test
	void aDeputyWhoIsAwayThemselvesThenIsRefused() {
		UserAccount absent = aUser(Role.ENGINEER);
		UserAccount deputy = aUser(Role.ENGINEER);
		UserAccount other = aUser(Role.ENGINEER);
		deputies.name(deputy,
				new NewDeputyship(null, other.username(), today().plusDays(5), today().plusDays(9), "holiday"));
		open(absent);

		fill(deputy, today().plusDays(9), today().plusDays(12), "holiday");

		assertThat(combo("deputy").getErrorMessage()).contains("is away themselves");
		assertThat(deputyshipsOf(absent)).isZero();
		// the day after their return is fine
		fill(deputy, today().plusDays(10), today().plusDays(12), "holiday");
		assertThat(deputyshipsOf(absent)).isOne();
	}

	@Test
	void theSameDeputyTwiceForOverlappingDaysIsRefusedAnotherDeputyIsNot() {
		UserAccount absent = aUser(Role.QUALITY, Role.ENGINEER);
		UserAccount engineer = aUser(Role.ENGINEER);
		UserAccount quality = aUser(Role.QUALITY);
		open(absent);
		fill(engineer, today(), today().plusDays(5), "holiday");

		fill(engineer, today().plusDays(5), today().plusDays(8), "holiday");
		assertThat(combo("deputy").getErrorMessage()).contains("already stands in for");
		assertThat(deputyshipsOf(absent)).isOne();

		// several deputies at once: one per role
		fill(quality, today(), today().plusDays(5), "holiday");
		assertThat(combo("deputy").isInvalid()).isFalse();
		assertThat(deputyshipsOf(absent)).isEqualTo(2);
	}

	@Test
	void anAdministratorNamesADeputyForSomeoneElse() {
		UserAccount sick = aUser(Role.SUPPLIER_QUALITY);
		UserAccount deputy = aUser(Role.SUPPLIER_QUALITY);
		UserAccount admin = aUser(Role.ADMIN);
		open(admin);
		assertThat(combo("absent").isVisible()).isTrue();
		combo("absent").setValue(item("absent", sick));

		fill(deputy, today(), today().plusDays(13), "sick leave");

		assertThat(grid().getListDataView().getItems().toList()).singleElement().satisfies(d -> {
			assertThat(d.absent()).isEqualTo(sick.username());
			assertThat(d.deputy()).isEqualTo(deputy.username());
			assertThat(d.namedBy()).isEqualTo(admin.username());
		});
	}

	@Test
	void theAbsentPersonEndsItEarlyTheDeputyCannot() {
		UserAccount absent = aUser(Role.ENGINEER);
		UserAccount deputy = aUser(Role.ENGINEER);
		deputies.name(absent, new NewDeputyship(null, deputy.username(), today(), today().plusDays(3), "holiday"));

		open(deputy);
		assertThat(grid().getListDataView().getItems().toList()).singleElement();
		assertThat(_getCellComponent(grid(), 0, "end").isVisible()).as("a deputy does not end it").isFalse();

		open(absent);
		_click((Button) _getCellComponent(grid(), 0, "end"));

		Deputyship ended = grid().getListDataView().getItems().findFirst().orElseThrow();
		assertThat(ended.endedBy()).isEqualTo(absent.username());
		assertThat(ended.state(clock.instant())).isEqualTo("ended early");
		assertThat(_getCellComponent(grid(), 0, "end").isVisible()).isFalse();
		auditTrail.sealCommitted();
		assertThat(jdbc.sql("select actor from audit_entry where action = 'DEPUTY_ENDED' and subject_id = ?")
			.param(absent.username())
			.query(String.class)
			.list()).containsExactly(absent.username());
	}

}
