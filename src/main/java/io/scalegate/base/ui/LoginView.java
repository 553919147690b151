package io.scalegate.base.ui;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * The one login for ScaleGate, its API users and (for administrators) Camunda's webapps.
 * After too many failed sign-ins it says until when the account or address is locked
 * ({@code ?locked=<epoch seconds>}, docs/adr/0011-sign-in-throttling.md).
 */
@Route(value = "login", autoLayout = false)
@PageTitle("Log in | ScaleGate")
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver {

	private final LoginForm login = new LoginForm();

	/** After a one-time password was replaced (docs/adr/0014). */
	private final Paragraph changed = new Paragraph("Your password is changed: sign in with it.");

	public LoginView() {
		setSizeFull();
		setAlignItems(Alignment.CENTER);
		setJustifyContentModeCenter();
		login.setAction("login");
		login.setForgotPasswordButtonVisible(false);
		login.setId("login");
		changed.setId("password-changed");
		changed.setVisible(false);
		add(new H1("ScaleGate"), new Paragraph("Stage-gate approvals from prototype to mass production"), changed,
				login);
	}

	private void setJustifyContentModeCenter() {
		setJustifyContentMode(JustifyContentMode.CENTER);
	}

	@Override
	public void beforeEnter(BeforeEnterEvent event) {
		var parameters = event.getLocation().getQueryParameters().getParameters();
		Optional<Instant> locked = lockedUntil(parameters.getOrDefault("locked", List.of()));
		LoginI18n i18n = LoginI18n.createDefault();
		locked.ifPresent(until -> {
			i18n.getErrorMessage().setTitle("Too many failed sign-ins");
			i18n.getErrorMessage()
				.setMessage("This account or address is locked: try again after " + TIME.format(until)
						+ ", or ask an administrator to unlock it. Even the right password is refused until then.");
		});
		login.setI18n(i18n);
		login.setError(parameters.containsKey("error") || locked.isPresent());
		changed.setVisible(parameters.containsKey("changed"));
	}

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss 'UTC' (yyyy-MM-dd)")
		.withZone(ZoneId.of("UTC"));

	private static Optional<Instant> lockedUntil(List<String> values) {
		try {
			return values.isEmpty() ? Optional.empty()
					: Optional.of(Instant.ofEpochSecond(Long.parseLong(values.get(0))));
		}
		catch (RuntimeException notATime) {
			return Optional.empty();
		}
	}

}
