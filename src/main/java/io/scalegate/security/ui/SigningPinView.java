package io.scalegate.security.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.scalegate.base.InvalidInput;
import io.scalegate.base.ui.FieldErrors;
import io.scalegate.security.CurrentUser;
import io.scalegate.security.SigningCredentials;
import io.scalegate.security.SigningPins;
import io.scalegate.security.SigningSecret;
import jakarta.annotation.security.PermitAll;
import java.util.Map;

/**
 * People who sign in with their company login (SSO) set or change the signing PIN they
 * enter at each electronic signature (docs/adr/0015); local accounts sign with their
 * password and are told so.
 */
@Route(SigningSecret.PIN_PAGE)
@PageTitle("Signing PIN | ScaleGate")
@PermitAll
class SigningPinView extends VerticalLayout {

	private final SigningPins pins;

	private final SigningCredentials signing;

	private final String username;

	private final PasswordField current = new PasswordField("Current signing PIN");

	private final PasswordField pin = new PasswordField("New signing PIN");

	private final PasswordField repeat = new PasswordField("New signing PIN again");

	SigningPinView(SigningPins pins, SigningCredentials signing, CurrentUser currentUser) {
		this.pins = pins;
		this.signing = signing;
		this.username = currentUser.get().username();
		setMaxWidth("36em");
		add(new H2("Signing PIN"));
		if (signing.secretOf(username) == SigningSecret.PASSWORD) {
			Paragraph local = new Paragraph(
					"You sign with your ScaleGate password: a signing PIN is only for people who sign in with their company login.");
			local.setId("pin-not-needed");
			add(local);
			return;
		}
		add(new Paragraph("You sign in with your company login, so at each electronic signature you enter this PIN "
				+ "instead of a password. At least " + SigningPins.MIN_DIGITS + " digits, or a passphrase of at least "
				+ SigningPins.MIN_PASSPHRASE + " characters; not one digit repeated, not a run like 123456, "
				+ "not your user id. After " + SigningCredentials.MAX_FAILURES
				+ " wrong PINs signing is locked for a while; an administrator can reset a forgotten PIN."));
		current.setId("current-pin");
		pin.setId("new-pin");
		repeat.setId("repeat-pin");
		for (PasswordField field : new PasswordField[] { current, pin, repeat }) {
			field.setManualValidation(true);
			field.setWidthFull();
		}
		Button save = new Button("Set signing PIN", click -> save());
		save.setId("save-pin");
		save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		add(current, pin, repeat, save);
		showState();
	}

	private void showState() {
		current.setVisible(signing.secretOf(username) == SigningSecret.PIN);
	}

	private void save() {
		Map<String, PasswordField> fields = Map.of("currentPin", current, "pin", pin, "repeat", repeat);
		FieldErrors.clear(fields);
		try {
			if (!pin.getValue().equals(repeat.getValue())) {
				throw new InvalidInput("repeat", "the two PINs differ");
			}
			pins.set(username, current.getValue(), pin.getValue());
		}
		catch (InvalidInput invalid) {
			FieldErrors.show(invalid, fields);
			current.clear();
			return;
		}
		current.clear();
		pin.clear();
		repeat.clear();
		showState();
		Notification.show("Your signing PIN is set.", 4000, Notification.Position.BOTTOM_START)
			.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
	}

}
