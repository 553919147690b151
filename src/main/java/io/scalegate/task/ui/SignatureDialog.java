package io.scalegate.task.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.PasswordField;
import io.scalegate.base.InvalidInput;
import io.scalegate.base.ui.ErrorHandling;
import io.scalegate.form.RenderedForm.Answer;
import io.scalegate.security.SigningSecret;
import io.scalegate.security.UserAccount;
import io.scalegate.task.InboxTask;
import io.scalegate.task.Signature;
import io.scalegate.task.SignatureMeaning;
import io.scalegate.task.TaskVerdict;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * The electronic signature. Before the password (for a company (SSO) account: the signing
 * PIN, docs/adr/0015), the dialog states in words what is signed: the task and the
 * product, what the values decide, the values themselves and the meaning. Where the task
 * decides something, the meaning follows from the decision ({@link TaskVerdict}) and
 * cannot be changed here; otherwise the signer chooses it. Nothing is saved unless the
 * password is right. A wrong password or a wrong meaning is shown here; any other refusal
 * closes the dialog and goes to {@code refused}, which keeps the form as it was typed.
 */
class SignatureDialog extends Dialog {

	SignatureDialog(UserAccount signer, SigningSecret secret, InboxTask task, Optional<TaskVerdict> verdict,
			List<Answer> answers, BiFunction<String, SignatureMeaning, Signature> sign, Consumer<Signature> signed,
			Consumer<InvalidInput> refused) {
		setHeaderTitle("Sign: " + task.name());
		setId("signature-dialog");
		setWidth("560px");
		Paragraph what = new Paragraph("You sign “" + task.name() + "” for " + task.partNumber() + " · "
				+ task.productName() + ", as " + signer.fullName() + " (" + signer.username() + ")"
				+ (task.forAbsent() ? ", as deputy for " + task.actingForName() + " (" + task.actingFor() + ")" : "")
				+ ".");
		what.setId("signature-task");
		Paragraph decision = new Paragraph(verdict
			.map(v -> "Your decision: " + v.decision() + ". Your signature means " + v.meaning().label() + ".")
			.orElse("This task decides nothing by itself: choose what your signature means."));
		decision.setId("signature-decision");
		decision.getStyle().set("font-weight", "600");
		UnorderedList values = new UnorderedList();
		values.setId("signature-values");
		answers.forEach(answer -> values.add(new ListItem(answer.label() + ": " + answer.value())));
		if (answers.isEmpty()) {
			values.add(new ListItem("no values entered"));
		}
		RadioButtonGroup<SignatureMeaning> meaning = new RadioButtonGroup<>("Meaning of this signature");
		meaning.setId("signature-meaning");
		meaning.setManualValidation(true);
		meaning.setItems(SignatureMeaning.values());
		meaning.setItemLabelGenerator(SignatureMeaning::label);
		// no default where nothing is decided: the signer chooses the meaning knowingly
		verdict.ifPresent(v -> {
			meaning.setValue(v.meaning());
			meaning.setReadOnly(true);
			meaning.setHelperText("Follows from your decision; change the form to change it.");
		});
		PasswordField password = new PasswordField(secret.label());
		password.setId("signature-password");
		password.setManualValidation(true);
		password.setWidthFull();
		password.focus();
		Paragraph statement = new Paragraph("By signing, you confirm these values and this meaning. "
				+ "The signature records your printed name, the date and time and its meaning, and is bound to these values.");
		statement.getStyle()
			.set("font-size", "var(--lumo-font-size-s)")
			.set("color", "var(--lumo-secondary-text-color)");
		add(what, decision, values, meaning, password, statement);
		if (secret == SigningSecret.NO_PIN) {
			// an SSO user signs with a signing PIN of their own, which they have not set
			// yet
			Paragraph noPin = new Paragraph("You sign with a signing PIN, and you have not set one yet. ");
			// a new page: the dialog and its unsigned form go (nothing was entered yet)
			Anchor setPin = new Anchor(SigningSecret.PIN_PAGE, "Set your signing PIN");
			setPin.setRouterIgnore(true);
			noPin.add(setPin);
			noPin.add(", then sign again.");
			noPin.setId("signature-no-pin");
			noPin.getStyle().set("color", "var(--lumo-error-text-color)");
			addComponentAtIndex(0, noPin);
		}
		Button confirm = new Button("Sign and complete", click -> {
			try {
				Signature signature = sign.apply(password.getValue(), meaning.getValue());
				close();
				signed.accept(signature);
			}
			catch (RuntimeException failed) {
				InvalidInput invalid = ErrorHandling.invalidInput(failed);
				if (invalid == null) {
					throw failed;
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
					refused.accept(invalid);
				}
			}
		});
		confirm.setId("signature-confirm");
		confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		password.addKeyDownListener(Key.ENTER, e -> confirm.click());
		Button cancel = new Button("Cancel", click -> close());
		cancel.setId("signature-cancel");
		getFooter().add(cancel, confirm);
	}

}
