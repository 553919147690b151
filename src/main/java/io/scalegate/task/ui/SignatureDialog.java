package io.scalegate.task.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.PasswordField;
import io.scalegate.base.InvalidInput;
import io.scalegate.base.ui.ErrorHandling;
import io.scalegate.security.UserAccount;
import io.scalegate.task.Signature;
import io.scalegate.task.SignatureMeaning;
import io.scalegate.task.TaskGone;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * The electronic signature: the signer sees their printed name, picks what the signature
 * means and re-enters the password. Nothing is saved unless the password is right.
 */
class SignatureDialog extends Dialog {

	SignatureDialog(UserAccount signer, String taskName, SignatureMeaning suggested,
			BiFunction<String, SignatureMeaning, Signature> sign, Consumer<Signature> signed, Runnable gone) {
		setHeaderTitle("Sign: " + taskName);
		setId("signature-dialog");
		Paragraph who = new Paragraph("Signing as " + signer.fullName() + " (" + signer.username() + ").");
		RadioButtonGroup<SignatureMeaning> meaning = new RadioButtonGroup<>("Meaning of this signature");
		meaning.setId("signature-meaning");
		meaning.setManualValidation(true);
		meaning.setItems(SignatureMeaning.values());
		meaning.setItemLabelGenerator(SignatureMeaning::label);
		meaning.setValue(suggested);
		PasswordField password = new PasswordField("Password");
		password.setId("signature-password");
		password.setManualValidation(true);
		password.setWidthFull();
		password.focus();
		Paragraph statement = new Paragraph("By signing, you confirm the values you entered for this task. "
				+ "The signature records your printed name, the date and time and its meaning, and is bound to these values.");
		statement.getStyle()
			.set("font-size", "var(--lumo-font-size-s)")
			.set("color", "var(--lumo-secondary-text-color)");
		add(who, meaning, password, statement);
		Button confirm = new Button("Sign and complete", click -> {
			try {
				Signature signature = sign.apply(password.getValue(), meaning.getValue());
				close();
				signed.accept(signature);
			}
			catch (TaskGone alreadyDone) {
				close();
				ErrorHandling.show(alreadyDone.reason());
				gone.run();
			}
			catch (RuntimeException refused) {
				InvalidInput invalid = ErrorHandling.invalidInput(refused);
				if (invalid == null) {
					throw refused;
				}
				if ("password".equals(invalid.field())) {
					password.clear();
					password.setInvalid(true);
					password.setErrorMessage(invalid.reason());
				}
				else if ("meaning".equals(invalid.field())) {
					meaning.setInvalid(true);
					meaning.setErrorMessage(invalid.reason());
				}
				else {
					close();
					ErrorHandling.show(invalid.reason());
				}
			}
		});
		confirm.setId("signature-confirm");
		confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		password.addKeyDownListener(com.vaadin.flow.component.Key.ENTER, e -> confirm.click());
		Button cancel = new Button("Cancel", click -> close());
		getFooter().add(cancel, confirm);
	}

}
