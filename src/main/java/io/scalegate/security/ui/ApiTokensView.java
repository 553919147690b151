package io.scalegate.security.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.scalegate.base.InvalidInput;
import io.scalegate.base.ui.FieldErrors;
import io.scalegate.security.ApiToken;
import io.scalegate.security.ApiTokens;
import io.scalegate.security.CurrentUser;
import io.scalegate.security.IssuedToken;
import io.scalegate.security.Role;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Administrators issue and revoke the integration API's tokens. A token's secret is shown
 * once, when it is issued; ScaleGate keeps only its hash, so a lost token is revoked and
 * replaced, never recovered.
 */
@Route("admin/api-tokens")
@PageTitle("API tokens | ScaleGate")
@Menu(order = 9, title = "API tokens", icon = "vaadin:key")
@RolesAllowed("ADMIN")
class ApiTokensView extends VerticalLayout {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
		.withZone(ZoneId.systemDefault());

	private final ApiTokens tokens;

	private final String admin;

	private final Grid<ApiToken> grid = new Grid<>();

	ApiTokensView(ApiTokens tokens, CurrentUser currentUser) {
		this.tokens = tokens;
		this.admin = currentUser.get().username();
		Button issue = new Button("Issue token", VaadinIcon.PLUS.create(), click -> issueDialog().open());
		issue.setId("issue-token");
		issue.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		HorizontalLayout title = new HorizontalLayout(new H2("API tokens"));
		title.setWidthFull();
		title.addToEnd(issue);
		add(title, new Paragraph("Other systems call /api with a token: Authorization: Bearer <token>. Each token acts "
				+ "with one role; what it records is signed \"api:<name>\". The API is described at /swagger-ui.html."));
		grid.setId("tokens");
		grid.addColumn(ApiToken::name).setHeader("Name").setAutoWidth(true);
		grid.addColumn(ApiToken::role).setHeader("Role").setAutoWidth(true);
		grid.addColumn(t -> t.createdBy() + ", " + TIME.format(t.createdAt())).setHeader("Issued").setAutoWidth(true);
		grid.addColumn(t -> t.lastUsedAt() == null ? "never" : TIME.format(t.lastUsedAt()))
			.setHeader("Last used")
			.setAutoWidth(true);
		grid.addComponentColumn(this::state).setHeader("State").setAutoWidth(true);
		grid.addComponentColumn(token -> {
			Button revoke = new Button("Revoke", click -> confirmRevoke(token));
			revoke.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
			revoke.setEnabled(!token.revoked());
			return revoke;
		}).setKey("revoke").setAutoWidth(true);
		add(grid);
		refresh();
	}

	private void refresh() {
		grid.setItems(tokens.all());
	}

	private Span state(ApiToken token) {
		Span state = new Span(
				token.revoked() ? "revoked " + TIME.format(token.revokedAt()) + " by " + token.revokedBy() : "active");
		state.getElement().getThemeList().add(token.revoked() ? "badge error" : "badge success");
		return state;
	}

	private void confirmRevoke(ApiToken token) {
		ConfirmDialog confirm = new ConfirmDialog("Revoke " + token.name() + "?",
				"Calls with this token are refused from now on. This cannot be undone.", "Revoke", event -> {
					tokens.revoke(token.id(), admin);
					refresh();
				});
		confirm.setConfirmButtonTheme("error primary");
		confirm.setCancelable(true);
		confirm.setId("confirm-revoke");
		confirm.open();
	}

	private Dialog issueDialog() {
		Dialog dialog = new Dialog();
		dialog.setHeaderTitle("Issue API token");
		TextField name = new TextField("Name (the calling system)");
		name.setId("token-name");
		Select<Role> role = new Select<>();
		role.setLabel("Acts as role");
		role.setItems(Role.values());
		role.setId("token-role");
		dialog.add(new FormLayout(name, role));
		Button create = new Button("Issue", click -> {
			try {
				IssuedToken issued = tokens.issue(name.getValue(), role.getValue(), admin);
				dialog.close();
				refresh();
				showSecret(issued);
			}
			catch (InvalidInput invalid) {
				FieldErrors.show(invalid, java.util.Map.of("name", name, "role", role));
			}
		});
		create.setId("token-issue");
		create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		dialog.getFooter().add(new Button("Cancel", click -> dialog.close()), create);
		return dialog;
	}

	private static void showSecret(IssuedToken issued) {
		Dialog shown = new Dialog();
		shown.setHeaderTitle("Token " + issued.token().name());
		TextField secret = new TextField("Copy it now: it is not shown again");
		secret.setValue(issued.secret());
		secret.setReadOnly(true);
		secret.setWidthFull();
		secret.setId("token-secret");
		shown.add(secret);
		shown.getFooter().add(new Button("Done", click -> shown.close()));
		shown.setWidth("640px");
		shown.open();
	}

}
