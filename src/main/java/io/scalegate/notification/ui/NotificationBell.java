package io.scalegate.notification.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import io.scalegate.base.ui.NavbarItem;
import io.scalegate.notification.Notifications;
import io.scalegate.security.CurrentUser;
import java.util.Optional;

/**
 * The bell in the top bar: how many notifications the person has not read; it opens
 * {@code /notifications}.
 */
@org.springframework.stereotype.Component
class NotificationBell implements NavbarItem {

	private final Notifications notifications;

	private final CurrentUser currentUser;

	NotificationBell(Notifications notifications, CurrentUser currentUser) {
		this.notifications = notifications;
		this.currentUser = currentUser;
	}

	@Override
	public Optional<Component> create() {
		String username;
		try {
			username = currentUser.get().username();
		}
		catch (IllegalStateException noAccount) {
			return Optional.empty();
		}
		Span count = new Span();
		count.setId("notification-count");
		count.getElement().getThemeList().add("badge pill small error primary");
		Button bell = new Button(VaadinIcon.BELL.create(),
				click -> click.getSource().getUI().ifPresent(ui -> ui.navigate(NotificationsView.class)));
		bell.setId("notification-bell");
		bell.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
		bell.setSuffixComponent(count);
		Runnable refresh = () -> {
			long unread = notifications.unread(username);
			count.setText(String.valueOf(unread));
			count.setVisible(unread > 0);
			bell.setAriaLabel(unread + " unread notification" + (unread == 1 ? "" : "s"));
			bell.setTooltipText(unread + " unread");
		};
		refresh.run();
		bell.addAttachListener(attach -> {
			UI ui = attach.getUI();
			// the layout stays while the person moves between pages: count again on each
			var read = ComponentUtil.addListener(ui, UnreadChanged.class, changed -> refresh.run());
			var navigated = ui.addAfterNavigationListener(navigation -> refresh.run());
			bell.addDetachListener(detach -> {
				read.remove();
				navigated.remove();
				detach.unregisterListener();
			});
		});
		return Optional.of(bell);
	}

}
