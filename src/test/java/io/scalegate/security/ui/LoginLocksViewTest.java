package io.scalegate.security.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._getCellComponent;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import io.scalegate.KaribuTest;
import io.scalegate.audit.AuditTrail;
import io.scalegate.security.SignInLock;
import io.scalegate.security.SignInLock.Kind;
import io.scalegate.security.SignInThrottle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class LoginLocksViewTest extends KaribuTest {

	static final String LOCKED = "locks-view-victim";

	@Autowired
	SignInThrottle throttle;

	@Autowired
	AuditTrail auditTrail;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	@AfterEach
	void unlock() {
		throttle.unlock(Kind.ACCOUNT, LOCKED, "admin");
	}

	@Test
	@SuppressWarnings("unchecked")
	void anAdministratorSeesTheLocksAndUnlocks() {
		// five failures in a row lock an account, as the sign-in filters record them
		jdbc.sql("""
				insert into sign_in_counter (kind, subject, failures, last_failed_at, locked_until)
				values ('ACCOUNT', ?, 5, current_timestamp, dateadd('MINUTE', 10, current_timestamp))""")
			.param(LOCKED)
			.update();
		login("admin", "ADMIN");
		UI.getCurrent().navigate("admin/login-locks");

		Grid<SignInLock> grid = _get(Grid.class, spec -> spec.withId("locks"));
		int row = grid.getListDataView().getItems().map(SignInLock::subject).toList().indexOf(LOCKED);
		assertThat(row).isNotNegative();
		_click((Button) _getCellComponent(grid, row, "unlock"));

		assertThat(grid.getListDataView().getItems().map(SignInLock::subject)).doesNotContain(LOCKED);
		assertThat(throttle.locks()).noneMatch(lock -> lock.subject().equals(LOCKED));
		auditTrail.sealCommitted();
		assertThat(jdbc.sql(
				"select actor from audit_entry where action = 'LOGIN_UNLOCKED' and subject_id = ? order by id desc fetch first 1 rows only")
			.param(LOCKED)
			.query(String.class)
			.single()).isEqualTo("admin");
	}

	@Test
	void onlyAdministratorsOpenIt() {
		login("engineer", "ENGINEER");
		assertAccessDenied("admin/login-locks");
	}

}
