package io.scalegate.security.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import io.scalegate.base.InvalidInput;
import io.scalegate.base.ui.FieldErrors;
import io.scalegate.security.PasswordChanges;
import io.scalegate.security.PasswordPolicy;
import java.util.List;
import java.util.Map;

/**
 * Where a sign-in with a one-time password lands (docs/adr/0014): the person proves it
 * again and chooses their own password, then signs in with it. Open to anyone, so every
 * wrong user id or one-time password counts as a failed sign-in, as on the login page.
 */
@Route(value = "login/new-password", autoLayout = false)
@PageTitle("Choose your password | ScaleGate")
@AnonymousAllowed
class NewPasswordView extends VerticalLayout implements BeforeEnterObserver {

	private final TextField username = new TextField("User id");

	NewPasswordView(PasswordChanges changes) {
		setMaxWidth("560px");
		getStyle().set("margin", "0 auto");
		PasswordField oneTime = new PasswordField("One-time password");
		PasswordField chosen = new PasswordField("New password");
		PasswordField repeat = new PasswordField("New password again");
		username.setId("username");
		oneTime.setId("one-time-password");
		chosen.setId("new-password");
		repeat.setId("repeat-password");
		Map<String, HasValidation> fields = Map.of("username", username, "oneTimePassword", oneTime, "newPassword",
				chosen, "repeatPassword", repeat);
		Button change = new Button("Choose password", click -> {
			try {
				changes.replaceOneTimePassword(username.getValue().strip(), oneTime.getValue(), chosen.getValue(),
						repeat.getValue(), AccountView.address());
				UI.getCurrent().navigate("login", com.vaadin.flow.router.QueryParameters.of("changed", ""));
			}
			catch (InvalidInput invalid) {
				FieldErrors.show(invalid, fields);
			}
		});
		change.setId("choose-password");
		change.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		FormLayout form = new FormLayout(username, oneTime, chosen, repeat);
		form.setMaxWidth("480px");
		form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
		add(new H1("Choose your password"),
				new Paragraph("Your administrator gave you a one-time password. Choose your own now: at least "
						+ PasswordPolicy.MINIMUM_LENGTH + " characters, not a common password, not your user id or "
						+ "name. A few unrelated words are long and easy to remember."),
				form, change);
	}

	@Override
	public void beforeEnter(BeforeEnterEvent event) {
		List<String> given = event.getLocation()
			.getQueryParameters()
			.getParameters()
			.getOrDefault("username", List.of());
		if (!given.isEmpty() && username.isEmpty()) {
			username.setValue(given.get(0));
		}
	}

}
