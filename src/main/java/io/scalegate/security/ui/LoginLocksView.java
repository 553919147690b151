package io.scalegate.security.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.scalegate.security.CurrentUser;
import io.scalegate.security.SignInLock;
import io.scalegate.security.SignInThrottle;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Administrators see the accounts and client addresses locked after too many failed
 * sign-ins and unlock them; each unlock is in the audit trail.
 */
@Route("admin/login-locks")
@PageTitle("Sign-in locks | ScaleGate")
@Menu(order = 10, title = "Sign-in locks", icon = "vaadin:lock")
@RolesAllowed("ADMIN")
class LoginLocksView extends VerticalLayout {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
		.withZone(ZoneOffset.UTC);

	private final SignInThrottle throttle;

	private final String admin;

	private final Grid<SignInLock> grid = new Grid<>();

	LoginLocksView(SignInThrottle throttle, CurrentUser currentUser) {
		this.throttle = throttle;
		this.admin = currentUser.get().username();
		add(new H2("Sign-in locks"),
				new Paragraph("After " + SignInThrottle.ACCOUNT_THRESHOLD + " failed sign-ins in a row an account is "
						+ "locked, after " + SignInThrottle.ADDRESS_THRESHOLD + " a client address: first for "
						+ SignInThrottle.FIRST_LOCK.toMinutes() + " minute, doubled with each further failure, at most "
						+ SignInThrottle.LONGEST_LOCK.toMinutes() + " minutes. Unlock when the person is known."));
		grid.setId("locks");
		grid.addColumn(lock -> lock.kind() == SignInLock.Kind.ACCOUNT ? "account" : "address")
			.setHeader("Kind")
			.setAutoWidth(true);
		grid.addColumn(SignInLock::subject).setHeader("Account or address").setAutoWidth(true);
		grid.addColumn(SignInLock::failures).setHeader("Failures").setAutoWidth(true);
		grid.addColumn(lock -> TIME.format(lock.lockedUntil())).setHeader("Locked until (UTC)").setAutoWidth(true);
		grid.addComponentColumn(lock -> {
			Button unlock = new Button("Unlock", click -> unlock(lock));
			unlock.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
			return unlock;
		}).setKey("unlock").setAutoWidth(true);
		grid.setEmptyStateText("No account or address is locked.");
		add(grid);
		refresh();
	}

	private void unlock(SignInLock lock) {
		throttle.unlock(lock.kind(), lock.subject(), admin);
		Notification.show(lock.subject() + " unlocked");
		refresh();
	}

	private void refresh() {
		grid.setItems(throttle.locks());
	}

}
