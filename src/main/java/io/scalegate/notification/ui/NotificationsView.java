package io.scalegate.notification.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import io.scalegate.notification.Notification;
import io.scalegate.notification.Notifications;
import io.scalegate.security.CurrentUser;
import jakarta.annotation.security.PermitAll;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The person's notifications, newest first, unread in bold; a click opens the page it is
 * about and marks it read; "Mark all read".
 */
@Route("notifications")
@PageTitle("Notifications | ScaleGate")
@PermitAll
class NotificationsView extends VerticalLayout {

	static final int SHOWN = 200;

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
		.withZone(ZoneOffset.UTC);

	private final Notifications notifications;

	private final String username;

	private final VerticalLayout list = new VerticalLayout();

	NotificationsView(Notifications notifications, CurrentUser currentUser) {
		this.notifications = notifications;
		this.username = currentUser.get().username();
		Button markAll = new Button("Mark all read", VaadinIcon.CHECK.create(), click -> {
			notifications.readAll(username);
			refresh();
			UnreadChanged.fire(UI.getCurrent());
		});
		markAll.setId("mark-all-read");
		HorizontalLayout header = new HorizontalLayout(new H2("Notifications"), markAll,
				new RouterLink("Settings", NotificationPreferencesView.class));
		header.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
		list.setId("notifications");
		list.setPadding(false);
		list.setSpacing(false);
		add(header, list);
		refresh();
	}

	private void refresh() {
		list.removeAll();
		var shown = notifications.of(username, SHOWN);
		if (shown.isEmpty()) {
			list.add(new Paragraph("No notifications yet."));
		}
		shown.forEach(notification -> list.add(row(notification)));
	}

	private Div row(Notification notification) {
		Span subject = new Span(notification.subject());
		subject.getStyle().set("font-weight", notification.unread() ? "700" : "400");
		Span when = new Span(WHEN.format(notification.createdAt()));
		when.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
		Div text = new Div(notification.text());
		text.getStyle().set("color", "var(--lumo-secondary-text-color)");
		Div row = new Div(new HorizontalLayout(subject, when), text);
		row.setId("notification-" + notification.id());
		row.addClassName(notification.unread() ? "unread" : "read");
		row.getStyle()
			.set("cursor", "pointer")
			.set("padding", "var(--lumo-space-s) 0")
			.set("border-bottom", "1px solid var(--lumo-contrast-10pct)")
			.set("width", "100%");
		row.getElement().setAttribute("role", "link");
		row.addClickListener(click -> open(notification));
		return row;
	}

	private void open(Notification notification) {
		notifications.read(notification.id(), username).ifPresent(link -> {
			UnreadChanged.fire(UI.getCurrent());
			UI.getCurrent().navigate(link.substring(1));
		});
	}

}
