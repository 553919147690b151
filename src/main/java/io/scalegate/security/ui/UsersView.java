package io.scalegate.security.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.scalegate.base.InvalidInput;
import io.scalegate.base.ui.FieldErrors;
import io.scalegate.security.CurrentUser;
import io.scalegate.security.OneTimePassword;
import io.scalegate.security.Role;
import io.scalegate.security.SigningPins;
import io.scalegate.security.UserAdministration;
import io.scalegate.security.UserRow;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Administrators manage the accounts (docs/adr/0014): create them with a one-time
 * password shown once, edit name, e-mail and roles, disable and enable them, reset a
 * password, lift signing and sign-in locks. Every change asks for a reason, kept in the
 * audit trail.
 */
@Route("admin/users")
@PageTitle("Users | ScaleGate")
@Menu(order = 8, title = "Users", icon = "vaadin:users")
@RolesAllowed("ADMIN")
class UsersView extends VerticalLayout {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
		.withZone(ZoneOffset.UTC);

	private final UserAdministration users;

	private final SigningPins pins;

	private final String admin;

	private final Grid<UserRow> grid = new Grid<>();

	UsersView(UserAdministration users, SigningPins pins, CurrentUser currentUser) {
		this.users = users;
		this.pins = pins;
		this.admin = currentUser.get().username();
		Button create = new Button("New user", VaadinIcon.PLUS.create(), click -> createDialog().open());
		create.setId("new-user");
		create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		HorizontalLayout title = new HorizontalLayout(new H2("Users"));
		title.setWidthFull();
		title.addToEnd(create);
		add(title, new Paragraph("Accounts are disabled, never deleted: signatures and the audit trail keep the user "
				+ "id. A new account and a reset password get a one-time password, shown once here, that the person "
				+ "must replace at the next sign-in."));
		grid.setId("users");
		grid.addColumn(UserRow::username).setHeader("User id").setKey("username").setAutoWidth(true);
		grid.addColumn(UserRow::fullName).setHeader("Name").setAutoWidth(true);
		grid.addColumn(row -> row.email() == null ? "" : row.email()).setHeader("E-mail").setAutoWidth(true);
		grid.addColumn(row -> roles(row.roles())).setHeader("Roles").setAutoWidth(true);
		grid.addColumn(row -> row.companyLogin() ? "company login" : "password")
			.setHeader("Signs in with")
			.setKey("sign-in")
			.setAutoWidth(true);
		grid.addColumn(row -> row.enabled() ? "enabled" : "disabled").setHeader("State").setAutoWidth(true);
		grid.addColumn(row -> time(row.lastLoginAt(), "never")).setHeader("Last login").setAutoWidth(true);
		grid.addColumn(row -> time(row.signingLockedUntil(), "")).setHeader("Signing locked until").setAutoWidth(true);
		grid.addColumn(row -> time(row.loginLockedUntil(), "")).setHeader("Sign-in locked until").setAutoWidth(true);
		grid.addColumn(row -> row.mustChangePassword() ? "yes" : "")
			.setHeader("Must change password")
			.setAutoWidth(true);
		grid.addComponentColumn(row -> {
			Button manage = new Button("Manage", click -> manageDialog(row).open());
			manage.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
			return manage;
		}).setKey("manage").setAutoWidth(true).setFrozenToEnd(true);
		grid.setSizeFull();
		setSizeFull();
		add(grid);
		refresh();
	}

	private void refresh() {
		grid.setItems(users.rows());
		grid.recalculateColumnWidths();
	}

	private Dialog createDialog() {
		Dialog dialog = new Dialog();
		dialog.setHeaderTitle("New user");
		dialog.setId("create-dialog");
		TextField username = new TextField("User id");
		username.setId("username");
		username.setHelperText("lower-case letters, digits, '.', '_', '-'");
		Details details = new Details();
		TextField reason = reason();
		dialog.add(new FormLayout(username, details.fullName, details.email, details.roles, reason));
		Map<String, HasValidation> fields = Map.of("username", username, "fullName", details.fullName, "email",
				details.email, "roles", details.roles, "reason", reason);
		Button create = new Button("Create", click -> {
			try {
				OneTimePassword password = users.create(username.getValue().strip(), details.fullName.getValue(),
						details.email.getValue(), details.roles.getValue(), reason.getValue(), admin);
				dialog.close();
				refresh();
				showOneTimePassword(password);
			}
			catch (InvalidInput invalid) {
				FieldErrors.show(invalid, fields);
			}
		});
		create.setId("create");
		create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		dialog.getFooter().add(new Button("Cancel", click -> dialog.close()), create);
		return dialog;
	}

	private Dialog manageDialog(UserRow row) {
		Dialog dialog = new Dialog();
		dialog.setHeaderTitle(row.username() + (row.enabled() ? "" : " (disabled)"));
		dialog.setId("manage-dialog");
		Details details = new Details();
		details.fullName.setValue(row.fullName());
		details.email.setValue(row.email() == null ? "" : row.email());
		details.roles.setValue(row.roles().isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(row.roles()));
		TextField reason = reason();
		dialog.add(new FormLayout(details.fullName, details.email, details.roles, reason));
		Map<String, HasValidation> fields = Map.of("fullName", details.fullName, "email", details.email, "roles",
				details.roles, "reason", reason);
		Span refused = new Span();
		refused.setId("refused");
		refused.getStyle().set("color", "var(--lumo-error-text-color)");
		Button save = action("Save", "save", dialog, fields, refused, given -> {
			users.edit(row.username(), details.fullName.getValue(), details.email.getValue(), details.roles.getValue(),
					given, admin);
			Notification.show(row.username() + " saved");
		});
		save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		Button access = row.enabled() ? action("Disable", "disable", dialog, fields, refused, given -> {
			users.disable(row.username(), given, admin);
			Notification.show(row.username() + " disabled: no sign-in, no signing");
		}) : action("Enable", "enable", dialog, fields, refused, given -> {
			users.enable(row.username(), given, admin);
			Notification.show(row.username() + " enabled");
		});
		// a company-login account's name, e-mail and roles come from the identity
		// provider, and it signs with a PIN, not a password (docs/adr/0015)
		Button reset = row.companyLogin()
				? action("Reset signing PIN", "reset-signing-pin", dialog, fields, refused, given -> {
					pins.reset(row.username(), given);
					Notification.show(row.username() + " must set a new signing PIN before signing");
				}) : action("Reset password", "reset-password", dialog, fields, refused,
						given -> showOneTimePassword(users.resetPassword(row.username(), given, admin)));
		if (row.companyLogin()) {
			details.fullName.setReadOnly(true);
			details.email.setReadOnly(true);
			details.roles.setReadOnly(true);
			save.setVisible(false);
			dialog.add(new Paragraph("Signs in with the company login: name, e-mail and roles come from the identity "
					+ "provider's groups at each sign-in. Change them there, or disable the account here."));
		}
		Button unlockSigning = action("Unlock signing", "unlock-signing", dialog, fields, refused, given -> {
			users.unlockSigning(row.username(), given, admin);
			Notification.show("signing unlocked for " + row.username());
		});
		Button unlockLogin = action("Unlock sign-in", "unlock-login", dialog, fields, refused, given -> {
			users.unlockLogin(row.username(), given, admin);
			Notification.show("sign-in unlocked for " + row.username());
		});
		unlockSigning.setEnabled(row.signingLockedUntil() != null);
		unlockLogin.setEnabled(row.loginLockedUntil() != null);
		HorizontalLayout more = new HorizontalLayout(access, reset, unlockSigning, unlockLogin);
		more.setWrap(true);
		dialog.add(more, refused);
		dialog.getFooter().add(new Button("Close", click -> dialog.close()), save);
		dialog.setWidth("720px");
		return dialog;
	}

	/**
	 * A button that runs {@code change} with the reason given, then closes the dialog; a
	 * refusal is shown beside its field, or under the buttons.
	 */
	private Button action(String text, String id, Dialog dialog, Map<String, HasValidation> fields, Span refused,
			Consumer<String> change) {
		TextField reason = (TextField) fields.get("reason");
		Button button = new Button(text, click -> {
			refused.setText("");
			try {
				change.accept(reason.getValue());
				dialog.close();
				refresh();
			}
			catch (InvalidInput invalid) {
				// what concerns the account itself (own account, last administrator,
				// nothing to unlock) is said under the buttons
				if (fields.containsKey(invalid.field())) {
					FieldErrors.show(invalid, fields);
				}
				else {
					FieldErrors.clear(fields);
					refused.setText(invalid.reason());
				}
			}
		});
		button.setId(id);
		return button;
	}

	private static TextField reason() {
		TextField reason = new TextField("Reason (kept in the audit trail)");
		reason.setId("reason");
		reason.setWidthFull();
		return reason;
	}

	private static void showOneTimePassword(OneTimePassword password) {
		Dialog shown = new Dialog();
		shown.setId("one-time-password-dialog");
		shown.setHeaderTitle("One-time password for " + password.username());
		TextField secret = new TextField("Give it to the person now: it is not shown again");
		secret.setValue(password.password());
		secret.setReadOnly(true);
		secret.getStyle().set("font-family", "var(--lumo-font-family-monospace, monospace)");
		secret.setWidthFull();
		secret.setId("one-time-password");
		shown.add(secret,
				new Paragraph(
						"They sign in at the ScaleGate login page with it and choose their own password there, before "
								+ TIME.format(password.expiresAt()) + "."));
		// shown once: only "Done" closes it, not Esc nor a click beside it
		shown.setCloseOnEsc(false);
		shown.setCloseOnOutsideClick(false);
		Button copy = new Button("Copy", VaadinIcon.COPY.create(), click -> {
			copy(password.password());
			Notification.show("Copied: hand it over in person, not by e-mail");
		});
		copy.setId("copy");
		Button done = new Button("Done", click -> shown.close());
		done.setId("done");
		done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		shown.getFooter().add(copy, done);
		shown.setWidth("640px");
		shown.open();
	}

	private static void copy(String text) {
		com.vaadin.flow.component.UI.getCurrent()
			.getPage()
			.executeJs("if (navigator.clipboard) { navigator.clipboard.writeText($0); }", text);
	}

	private static String roles(java.util.Set<Role> roles) {
		return roles.stream().map(Enum::name).sorted().collect(Collectors.joining(", "));
	}

	private static String time(Instant instant, String none) {
		return instant == null ? none : TIME.format(instant);
	}

	/** Name, e-mail and roles: the fields creating and editing share. */
	private static final class Details {

		final TextField fullName = new TextField("Name (printed with signatures)");

		final EmailField email = new EmailField("E-mail");

		final CheckboxGroup<Role> roles = new CheckboxGroup<>("Roles");

		Details() {
			fullName.setId("full-name");
			email.setId("email");
			roles.setId("roles");
			roles.setItems(Role.values());
		}

	}

}
