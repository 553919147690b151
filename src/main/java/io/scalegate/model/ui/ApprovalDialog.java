package io.scalegate.model.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import io.scalegate.base.InvalidInput;
import io.scalegate.base.Sha256;
import io.scalegate.base.ui.ErrorHandling;
import io.scalegate.base.ui.FieldErrors;
import io.scalegate.model.change.ModelChange;
import io.scalegate.model.change.ModelChanges;
import io.scalegate.model.impact.ImpactReport;
import io.scalegate.security.SigningSecret;
import io.scalegate.security.UserAccount;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The second process owner's electronic signature on a change: printed name, the file and
 * the SHA-256 of the content reviewed, meaning and password (21 CFR Part 11 §11.50 and
 * §11.200), then the deployment. The signature is on that content: if its author saved it
 * again meanwhile, nothing is deployed and the change is shown again to be reviewed. A
 * wrong password or a change that no longer passes its check deploys nothing.
 */
class ApprovalDialog extends Dialog {

	/**
	 * @param change the change as the approver reviewed it
	 * @param impact its impact on the running products as the check showed it (null
	 * without a check)
	 * @param reviewAgain shows the change as it is now, after its content changed
	 */
	ApprovalDialog(ModelChange change, ImpactReport impact, ModelChanges changes, UserAccount approver,
			SigningSecret secret, Consumer<ModelChange> approved, Runnable reviewAgain) {
		setHeaderTitle("Approve change #" + change.id() + " and deploy it");
		setWidth("640px");
		String reviewed = Sha256.hex(change.content());
		Pre summary = new Pre(change.summary() == null ? "" : change.summary());
		summary.getStyle().set("white-space", "pre-wrap").set("max-height", "200px").set("overflow", "auto");
		Span hash = new Span(reviewed);
		hash.setId("approval-sha256");
		hash.getStyle().set("font-family", "monospace").set("word-break", "break-all");
		Paragraph content = new Paragraph(
				"You approve the content of " + change.fileName() + " you reviewed, with SHA-256 ");
		content.add(hash);
		content.add(". If it changes before you sign, nothing is deployed.");
		TextField meaning = new TextField("Meaning of your signature");
		meaning.setValue("Approved for deployment");
		meaning.setId("approval-meaning");
		meaning.setWidthFull();
		// a company (SSO) account signs with its signing PIN (docs/adr/0015)
		PasswordField password = new PasswordField(
				secret == SigningSecret.PASSWORD ? "Your password" : "Your signing PIN");
		password.setId("approval-password");
		password.setWidthFull();
		add(new Paragraph("You sign as " + approver.fullName() + " (" + approver.username() + "). " + change.author()
				+ " wrote this change to " + change.fileName() + ":"), summary);
		if (impact != null) {
			Paragraph consequence = new Paragraph("Impact on running products: " + impact.summary() + ".");
			consequence.setId("approval-impact");
			add(consequence);
		}
		add(content, meaning, password);
		Button sign = new Button("Sign and deploy", click -> {
			try {
				ModelChange deployed = changes.approve(change.id(), reviewed, approver.username(), password.getValue(),
						meaning.getValue());
				close();
				approved.accept(deployed);
			}
			catch (InvalidInput invalid) {
				if ("reviewedSha256".equals(invalid.field())) {
					close();
					ErrorHandling.show(invalid.reason());
					reviewAgain.run();
					return;
				}
				FieldErrors.show(invalid, Map.of("password", password, "meaning", meaning));
			}
		});
		sign.setId("approval-sign");
		sign.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		getFooter().add(new Button("Cancel", click -> close()), sign);
	}

}
