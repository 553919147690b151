package io.scalegate.product.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.spring.security.AuthenticationContext;
import io.scalegate.base.InvalidInput;
import io.scalegate.base.ui.FieldErrors;
import io.scalegate.product.PartNumber;
import io.scalegate.product.Product;
import io.scalegate.product.ProductRegistration;
import io.scalegate.product.ProductService;
import java.util.Map;

/** Registers a product, which starts its lifecycle in PROTOTYPE, and opens its page. */
class RegisterProductDialog extends Dialog {

	private final TextField partNumber = new TextField("Part number");

	private final TextField name = new TextField("Name");

	private final TextField customer = new TextField("Customer");

	private final TextField revision = new TextField("Revision");

	private final TextField owner = new TextField("Owner (user id)");

	private final Checkbox costPriority = new Checkbox("Unit-cost reduction is the priority");

	private final Checkbox coordination = new Checkbox("Scaling needs broader supply coordination");

	RegisterProductDialog(ProductService products, AuthenticationContext authentication) {
		setHeaderTitle("Register product");
		setId("register-dialog");
		String username = authentication.getPrincipalName().orElseThrow();
		revision.setValue("A");
		owner.setValue(username);
		Map<String, TextField> fields = Map.of("partNumber", partNumber, "name", name, "customer", customer, "revision",
				revision, "owner", owner);
		fields.forEach((field, component) -> component.setId("register-" + field));
		partNumber.setMaxLength(PartNumber.MAX_LENGTH);
		partNumber.setAllowedCharPattern("[A-Za-z0-9._-]");
		partNumber.setHelperText(PartNumber.RULE);
		FormLayout form = new FormLayout(partNumber, name, customer, revision, owner, costPriority, coordination);
		add(form);
		Button save = new Button("Register", click -> {
			fields.values().forEach(field -> field.setInvalid(false));
			try {
				Product product = products
					.register(new ProductRegistration(partNumber.getValue(), name.getValue(), customer.getValue(),
							revision.getValue(), owner.getValue(), costPriority.getValue(), coordination.getValue()),
							username);
				close();
				UI.getCurrent().navigate("products/" + product.partNumber());
			}
			catch (InvalidInput invalid) {
				FieldErrors.show(invalid, fields);
			}
		});
		save.setId("register-save");
		save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		getFooter().add(new Button("Cancel", click -> close()), save);
		setWidth("560px");
	}

}
