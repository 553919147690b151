package io.scalegate.security.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.spring.security.AuthenticationContext;
import io.scalegate.base.InvalidInput;
import io.scalegate.base.ui.FieldErrors;
import io.scalegate.security.PasswordChanges;
import io.scalegate.security.PasswordPolicy;
import io.scalegate.security.SigningSecret;
import io.scalegate.security.UserAdministration;
import io.scalegate.security.UserRow;
import jakarta.annotation.security.PermitAll;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Every signed-in person sees their account and changes their password here
 * (docs/adr/0014): the current password, then the new one twice; the
 * {@link PasswordPolicy} applies.
 */
@Route("account")
@PageTitle("My account | ScaleGate")
@Menu(order = 20, title = "My account", icon = "vaadin:user")
@PermitAll
class AccountView extends VerticalLayout {

	private final PasswordField current = new PasswordField("Current password");

	private final PasswordField chosen = new PasswordField("New password");

	private final PasswordField repeat = new PasswordField("New password again");

	AccountView(UserAdministration users, PasswordChanges changes, AuthenticationContext authentication) {
		String username = authentication.getPrincipalName()
			.orElseThrow(() -> new IllegalStateException("nobody is logged in"));
		UserRow me = users.row(username).orElseThrow(() -> new IllegalStateException("no account " + username));
		add(new H2("My account"));
		FormLayout who = new FormLayout();
		who.addFormItem(text("account-username", me.username()), "User id");
		who.addFormItem(text("account-name", me.fullName()), "Name");
		who.addFormItem(text("account-email", me.email() == null ? "none" : me.email()), "E-mail");
		who.addFormItem(
				text("account-roles", me.roles().stream().map(Enum::name).sorted().collect(Collectors.joining(", "))),
				"Roles");
		Anchor deputy = new Anchor("account/deputy", "Name a deputy");
		deputy.setId("deputy-link");
		Paragraph away = new Paragraph("Away for a while? ");
		away.add(deputy);
		away.add(": while you are away, they see and sign your assigned tasks that their roles allow.");
		if (me.companyLogin()) {
			// company (SSO) accounts: no password here; they sign with a signing PIN
			// (docs/adr/0015)
			Anchor pin = new Anchor(SigningSecret.PIN_PAGE, "Set or change your signing PIN");
			pin.setId("signing-pin-link");
			Paragraph signing = new Paragraph("You sign in with your company login and sign with a signing PIN. ");
			signing.add(pin);
			add(who, new Paragraph("Your name, e-mail and roles come from your company login's groups."), away,
					new H3("Signing PIN"), signing);
			return;
		}
		add(who, new Paragraph("Your name, e-mail and roles are set by an administrator."), away);
		add(new H3("Change password"),
				new Paragraph("At least " + PasswordPolicy.MINIMUM_LENGTH + " characters, at most "
						+ PasswordPolicy.MAXIMUM_LENGTH
						+ "; any characters, spaces too. A few unrelated words are long and "
						+ "easy to remember. Common passwords, your user id and your name are refused."));
		current.setId("current-password");
		chosen.setId("new-password");
		repeat.setId("repeat-password");
		Map<String, HasValidation> fields = Map.of("currentPassword", current, "newPassword", chosen, "repeatPassword",
				repeat);
		Button change = new Button("Change password", click -> {
			try {
				changes.change(username, current.getValue(), chosen.getValue(), repeat.getValue(), address());
				FieldErrors.clear(fields);
				current.clear();
				chosen.clear();
				repeat.clear();
				Notification.show("Password changed: use it from the next sign-in and when you sign");
			}
			catch (InvalidInput invalid) {
				FieldErrors.show(invalid, fields);
			}
		});
		change.setId("change-password");
		change.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		FormLayout form = new FormLayout(current, chosen, repeat);
		form.setMaxWidth("480px");
		form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
		add(form, change);
	}

	private static Span text(String id, String value) {
		Span span = new Span(value);
		span.setId(id);
		return span;
	}

	static String address() {
		VaadinRequest request = VaadinRequest.getCurrent();
		return request == null ? null : request.getRemoteAddr();
	}

}
