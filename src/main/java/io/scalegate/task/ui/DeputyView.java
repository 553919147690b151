package io.scalegate.task.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.scalegate.base.InvalidInput;
import io.scalegate.base.ui.ErrorHandling;
import io.scalegate.base.ui.FieldErrors;
import io.scalegate.security.CurrentUser;
import io.scalegate.security.UserAccount;
import io.scalegate.security.UserAccounts;
import io.scalegate.task.Deputies;
import io.scalegate.task.Deputyship;
import io.scalegate.task.NewDeputyship;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.AccessDeniedException;

/**
 * Name a deputy for a period (holiday, sick leave), see one's deputyships and end one
 * early (docs/adr/0016-deputies.md). Anyone signed in names one for themselves; an
 * administrator chooses the absent person.
 */
@Route("account/deputy")
@PageTitle("Deputy | ScaleGate")
@Menu(order = 21, title = "Deputy", icon = "vaadin:user-clock")
@PermitAll
class DeputyView extends VerticalLayout {

	private final Deputies deputies;

	private final UserAccounts accounts;

	private final Clock clock;

	private final UserAccount user;

	private final ComboBox<UserAccount> absent = new ComboBox<>("Absent person");

	private final ComboBox<UserAccount> deputy = new ComboBox<>("Deputy");

	private final DatePicker firstDay = new DatePicker("First day (UTC)");

	private final DatePicker lastDay = new DatePicker("Last day (UTC)");

	private final TextField reason = new TextField("Reason");

	private final Grid<Deputyship> grid = new Grid<>();

	DeputyView(Deputies deputies, UserAccounts accounts, CurrentUser currentUser, Clock clock) {
		this.deputies = deputies;
		this.accounts = accounts;
		this.clock = clock;
		this.user = currentUser.get();
		add(new H2("Deputy"), new Paragraph("While you are away, your deputy sees the tasks assigned to you that "
				+ "their own roles allow, marked \"for\" you, and signs them with their own password; the record says "
				+ "they acted for you. Four-eyes applies to the deputy as to anyone. A deputyship lasts at most "
				+ Deputies.MAX_DAYS + " days, from the first to the last day (UTC), unless ended early."), form(),
				new H3("Deputyships"), grid());
		refresh();
	}

	private VerticalLayout form() {
		absent.setId("absent");
		absent.setItemLabelGenerator(DeputyView::label);
		absent.setVisible(Deputies.isAdmin(user));
		if (Deputies.isAdmin(user)) {
			absent.setItems(accounts.all());
			absent.setHelperText("As an administrator you may name a deputy for someone else (sick leave)");
		}
		else {
			absent.setItems(List.of(user));
		}
		absent.setValue(user);
		absent.addValueChangeListener(change -> {
			deputy.clear();
			deputy.setItems(deputies.candidates(absentId()));
			refresh();
		});
		deputy.setId("deputy");
		deputy.setItemLabelGenerator(DeputyView::label);
		deputy.setItems(deputies.candidates(absentId()));
		deputy.setHelperText("Someone else, enabled, who holds at least one of the absent person's roles");
		LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
		firstDay.setId("firstDay");
		firstDay.setValue(today);
		lastDay.setId("lastDay");
		reason.setId("reason");
		reason.setMaxLength(500);
		reason.setPlaceholder("Holiday, sick leave…");
		Button name = new Button("Name deputy", click -> name(click.getSource()));
		name.setId("name-deputy");
		name.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		// a double click names one deputyship, not two
		name.setDisableOnClick(true);
		HorizontalLayout who = new HorizontalLayout(absent, deputy);
		HorizontalLayout when = new HorizontalLayout(firstDay, lastDay, reason, name);
		when.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
		VerticalLayout form = new VerticalLayout(who, when);
		form.setPadding(false);
		return form;
	}

	private Grid<Deputyship> grid() {
		grid.setId("deputyships");
		grid.addColumn(d -> name(d.absent())).setHeader("Absent").setAutoWidth(true);
		grid.addColumn(d -> name(d.deputy())).setHeader("Deputy").setAutoWidth(true);
		grid.addColumn(Deputyship::firstDay).setHeader("First day").setAutoWidth(true);
		grid.addColumn(Deputyship::lastDay).setHeader("Last day").setAutoWidth(true);
		grid.addColumn(Deputyship::reason).setHeader("Reason").setAutoWidth(true);
		grid.addColumn(Deputyship::namedBy).setHeader("Named by").setAutoWidth(true);
		grid.addColumn(d -> d.state(clock.instant()) + (d.endedBy() == null ? "" : " (by " + d.endedBy() + ")"))
			.setHeader("State")
			.setKey("state")
			.setAutoWidth(true);
		grid.addComponentColumn(d -> {
			Button end = new Button(d.starts().isAfter(clock.instant()) ? "Cancel" : "End now", click -> end(d));
			end.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
			end.setVisible(!d.overAt(clock.instant()) && mayEnd(d));
			return end;
		}).setKey("end").setAutoWidth(true);
		grid.setEmptyStateText("No deputyships.");
		grid.setAllRowsVisible(true);
		return grid;
	}

	private void name(Button button) {
		try {
			name();
		}
		finally {
			button.setEnabled(true);
		}
	}

	private void name() {
		Map<String, HasValidation> fields = fields();
		FieldErrors.clear(fields);
		try {
			Deputyship named = deputies.name(user,
					new NewDeputyship(absentId(), deputy.getValue() == null ? null : deputy.getValue().username(),
							firstDay.getValue(), lastDay.getValue(), reason.getValue()));
			Notification done = Notification.show(name(named.deputy()) + " stands in for " + name(named.absent())
					+ " from " + named.firstDay() + " to " + named.lastDay(), 4000, Notification.Position.BOTTOM_START);
			done.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
			deputy.clear();
			reason.clear();
			lastDay.clear();
			refresh();
		}
		catch (InvalidInput invalid) {
			FieldErrors.show(invalid, fields);
		}
		catch (AccessDeniedException denied) {
			ErrorHandling.show(denied.getMessage());
		}
	}

	private void end(Deputyship deputyship) {
		try {
			deputies.end(user, deputyship.id());
			Notification.show(
					"Ended: " + name(deputyship.deputy()) + " no longer stands in for " + name(deputyship.absent()),
					4000, Notification.Position.BOTTOM_START);
		}
		catch (InvalidInput | AccessDeniedException refused) {
			ErrorHandling.show(refused.getMessage());
		}
		refresh();
	}

	private boolean mayEnd(Deputyship deputyship) {
		return Deputies.isAdmin(user) || user.username().equals(deputyship.absent())
				|| user.username().equals(deputyship.namedBy());
	}

	private Map<String, HasValidation> fields() {
		Map<String, HasValidation> fields = new LinkedHashMap<>();
		fields.put("absent", absent);
		fields.put("deputy", deputy);
		fields.put("firstDay", firstDay);
		fields.put("lastDay", lastDay);
		fields.put("reason", reason);
		return fields;
	}

	private String absentId() {
		return absent.getValue() == null ? user.username() : absent.getValue().username();
	}

	private void refresh() {
		grid.setItems(deputies.visibleTo(user, Deputies.isAdmin(user) ? absentId() : null));
	}

	private String name(String username) {
		return accounts.find(username).map(DeputyView::label).orElse(username);
	}

	private static String label(UserAccount account) {
		return account.fullName() + " (" + account.username() + ")";
	}

}
