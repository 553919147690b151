package io.scalegate.notification.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.scalegate.notification.Delivery;
import io.scalegate.notification.NotificationKind;
import io.scalegate.notification.NotificationPreferences;
import io.scalegate.notification.Notifications;
import io.scalegate.security.CurrentUser;
import io.scalegate.security.UserAccounts;
import jakarta.annotation.security.PermitAll;
import java.util.EnumMap;
import java.util.Map;

/**
 * What the person receives by e-mail, per kind: off, immediately or in the daily digest;
 * in the app they see every notification. Saved and audited.
 */
@Route("account/notifications")
@PageTitle("Notification settings | ScaleGate")
@Menu(order = 22, title = "Notification settings", icon = "vaadin:bell-o")
@PermitAll
class NotificationPreferencesView extends VerticalLayout {

	private final Map<NotificationKind, RadioButtonGroup<Delivery>> choices = new EnumMap<>(NotificationKind.class);

	NotificationPreferencesView(NotificationPreferences preferences, Notifications notifications, UserAccounts accounts,
			CurrentUser currentUser) {
		String username = currentUser.get().username();
		add(new H2("Notification settings"));
		Paragraph notice = new Paragraph();
		notice.setId("email-notice");
		if (!notifications.emailEnabled()) {
			notice.setText("E-mail is not configured on this ScaleGate server: you see your notifications in the app "
					+ "(the bell at the top) only. Your choices below apply once it is.");
		}
		else if (accounts.email(username).isEmpty()) {
			notice.setText("Your account has no e-mail address: you see your notifications in the app (the bell at "
					+ "the top) only. An administrator can add your address; your choices below apply then.");
		}
		else {
			notice.setText("E-mails go to " + accounts.email(username).orElseThrow()
					+ ". In the app (the bell at the top) you see every notification, whatever you choose here.");
		}
		add(notice);
		Map<NotificationKind, Delivery> current = preferences.of(username);
		for (NotificationKind kind : NotificationKind.values()) {
			RadioButtonGroup<Delivery> choice = new RadioButtonGroup<>(kind.label());
			choice.setId("delivery-" + kind.name());
			choice.setItems(Delivery.values());
			choice.setItemLabelGenerator(Delivery::label);
			choice.setValue(current.get(kind));
			choices.put(kind, choice);
			add(choice);
		}
		Button save = new Button("Save", click -> {
			Map<NotificationKind, Delivery> chosen = new EnumMap<>(NotificationKind.class);
			choices.forEach((kind, choice) -> chosen.put(kind,
					choice.getValue() == null ? kind.byDefault() : choice.getValue()));
			preferences.save(username, chosen, username);
			com.vaadin.flow.component.notification.Notification.show("Notification settings saved");
		});
		save.setId("save-preferences");
		save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		add(save);
	}

}
