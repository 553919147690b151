package io.scalegate.base.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.details.DetailsVariant;
import com.vaadin.flow.component.html.Anchor;
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
 * ({@code ?locked=<epoch seconds>}, docs/adr/0011-sign-in-throttling.md). Where single
 * sign-on is configured: "Sign in with <company>" above the form, the form only as a
 * discreet break-glass sign-in when local passwords are off, and why a company sign-in
 * was refused ({@code ?sso=<code>}, docs/adr/0015).
 */
@Route(value = "login", autoLayout = false)
@PageTitle("Log in | ScaleGate")
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver {

	private final LoginForm login = new LoginForm();

	/** After a one-time password was replaced (docs/adr/0014). */
	private final Paragraph changed = new Paragraph("Your password is changed: sign in with it.");

	private final Paragraph ssoRefusal = new Paragraph();

	public LoginView(LoginOptions options) {
		setSizeFull();
		setAlignItems(Alignment.CENTER);
		setJustifyContentModeCenter();
		login.setAction("login");
		login.setForgotPasswordButtonVisible(false);
		login.setId("login");
		changed.setId("password-changed");
		changed.setVisible(false);
		ssoRefusal.setId("sso-refused");
		ssoRefusal.setVisible(false);
		ssoRefusal.setMaxWidth("28em");
		ssoRefusal.getStyle()
			.set("color", "var(--lumo-error-text-color)")
			.set("background", "var(--lumo-error-color-10pct)")
			.set("padding", "var(--lumo-space-m)")
			.set("border-radius", "var(--lumo-border-radius-m)");
		add(new H1("ScaleGate"), new Paragraph("Stage-gate approvals from prototype to mass production"), changed,
				ssoRefusal);
		options.companyLogin().ifPresent(company -> {
			Button button = new Button(company.label());
			button.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
			button.setId("sso-login");
			// a real navigation to Spring Security's /oauth2/authorization/..., not a
			// route
			Anchor link = new Anchor(company.href(), button);
			link.setRouterIgnore(true);
			link.setId("sso-link");
			add(link);
		});
		if (options.passwordsForEveryone() || options.companyLogin().isEmpty()) {
			add(login);
		}
		else {
			// password sign-in is only for the break-glass accounts (docs/adr/0015)
			Details breakGlass = new Details("Break-glass sign-in (emergency administrator accounts only)", login);
			breakGlass.setId("break-glass");
			breakGlass.addThemeVariants(DetailsVariant.SMALL);
			add(breakGlass);
		}
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
		List<String> sso = parameters.getOrDefault("sso", List.of());
		ssoRefusal.setVisible(!sso.isEmpty());
		ssoRefusal.setText(sso.isEmpty() ? "" : ssoRefusal(sso.get(0)));
	}

	/** What the company sign-in's refusal code ({@code ?sso=}) means, in words. */
	static String ssoRefusal(String code) {
		return switch (code) {
			case "no-role" -> "Your company login worked, but none of your groups gives you a role in ScaleGate, "
					+ "so you cannot use it yet. Ask your ScaleGate administrator to map one of your groups to a role.";
			case "taken" -> "Your company login cannot be used for this ScaleGate user id: it belongs to a local "
					+ "ScaleGate account or to another person at your identity provider. Nothing was changed; "
					+ "ask your ScaleGate administrator.";
			case "disabled" -> "Your ScaleGate account is disabled. Ask your ScaleGate administrator.";
			case "invalid" -> "Your identity provider sent no usable user id. Ask your ScaleGate administrator.";
			case "raced" -> "Your account was being created by another sign-in at the same moment: sign in again.";
			default -> "The company sign-in did not complete. Sign in again.";
		};
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
