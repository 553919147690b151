package io.scalegate.model.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.TextArea;
import io.scalegate.base.InvalidInput;
import io.scalegate.model.change.ModelChange;
import io.scalegate.model.change.ModelChanges;
import java.util.function.Consumer;

/** Rejecting a change, with the reason the author will read (kept in the trail). */
class RejectionDialog extends Dialog {

	RejectionDialog(ModelChange change, ModelChanges changes, String by, Consumer<ModelChange> rejected) {
		setHeaderTitle("Reject change #" + change.id());
		TextArea reason = new TextArea("Reason");
		reason.setId("rejection-reason");
		reason.setWidth("480px");
		add(reason);
		Button confirm = new Button("Reject", click -> {
			try {
				ModelChange done = changes.reject(change.id(), by, reason.getValue());
				close();
				rejected.accept(done);
			}
			catch (InvalidInput invalid) {
				reason.setErrorMessage(invalid.reason());
				reason.setInvalid(true);
			}
		});
		confirm.setId("rejection-confirm");
		confirm.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
		getFooter().add(new Button("Cancel", click -> close()), confirm);
	}

}
