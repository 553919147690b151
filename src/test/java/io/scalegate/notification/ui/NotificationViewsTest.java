package io.scalegate.notification.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import io.scalegate.KaribuTest;
import io.scalegate.audit.AuditTrail;
import io.scalegate.notification.Delivery;
import io.scalegate.notification.Notification;
import io.scalegate.notification.NotificationKind;
import io.scalegate.notification.NotificationPreferences;
import io.scalegate.notification.NotificationRequest;
import io.scalegate.notification.Notifications;
import io.scalegate.security.Role;
import io.scalegate.security.UserAccounts;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The bell's count, the list (newest first, unread bold, a click opens the page and marks
 * it read, mark all read) and the settings page (saved and audited).
 */
class NotificationViewsTest extends KaribuTest {

	@Autowired
	Notifications notifications;

	@Autowired
	AuditTrail auditTrail;

	@Autowired
	NotificationPreferences preferences;

	@Autowired
	UserAccounts accounts;

	@Autowired
	JdbcClient jdbc;

	String aUser(Role role) {
		String username = "nv-" + UUID.randomUUID().toString().substring(0, 8);
		accounts.save(username, "Person " + username, "demo", EnumSet.of(role));
		login(username, role.name());
		return username;
	}

	void tell(String username, String subject, String link) {
		notifications.record(new NotificationRequest(username, NotificationKind.MENTION, subject, "about " + subject,
				link, null, null, "test:" + username + ":" + subject));
	}

	/** The bell's count (hidden, not gone, when nothing is unread). */
	Span count() {
		return (Span) _get(Button.class, spec -> spec.withId("notification-bell")).getSuffixComponent();
	}

	Div row(Notification notification) {
		return _get(Div.class, spec -> spec.withId("notification-" + notification.id()));
	}

	@Test
	void theBellCountsTheUnreadAndOpensTheList() {
		String username = aUser(Role.ENGINEER);
		UI.getCurrent().navigate("");
		assertThat(count().isVisible()).as("nothing unread").isFalse();

		tell(username, "first", "/account/notifications");
		tell(username, "second", "/account/notifications");
		UI.getCurrent().navigate("");

		assertThat(count().getText()).isEqualTo("2");
		assertThat(count().isVisible()).isTrue();
		_click(_get(Button.class, spec -> spec.withId("notification-bell")));
		assertThat(_find(NotificationsView.class)).hasSize(1);
	}

	@Test
	void theListShowsNewestFirstUnreadBoldAndAClickOpensThePageAndMarksItRead() {
		String username = aUser(Role.AUDITOR);
		tell(username, "older", "/account/notifications");
		tell(username, "newer", "/account/notifications");
		List<Notification> mine = notifications.of(username, 10);
		UI.getCurrent().navigate("notifications");

		String list = _get(com.vaadin.flow.component.orderedlayout.VerticalLayout.class,
				spec -> spec.withId("notifications"))
			.getElement()
			.getTextRecursively();
		assertThat(list.indexOf("newer")).isLessThan(list.indexOf("older"));
		Notification newer = mine.get(0);
		assertThat(newer.subject()).isEqualTo("newer");
		assertThat(row(newer).getClassNames()).contains("unread");
		assertThat(_get(row(newer), Span.class, spec -> spec.withText("newer")).getStyle().get("font-weight"))
			.isEqualTo("700");

		_click(row(newer));

		assertThat(_find(NotificationPreferencesView.class)).as("the page it links to").hasSize(1);
		assertThat(notifications.of(username, 10)).filteredOn(Notification::unread)
			.extracting(Notification::subject)
			.containsExactly("older");
		assertThat(count().getText()).as("the bell counts again").isEqualTo("1");
	}

	@Test
	void markAllReadEmptiesTheCount() {
		String username = aUser(Role.QUALITY);
		tell(username, "one", "/notifications");
		tell(username, "two", "/notifications");
		UI.getCurrent().navigate("notifications");
		assertThat(count().getText()).isEqualTo("2");

		_click(_get(Button.class, spec -> spec.withId("mark-all-read")));

		assertThat(notifications.unread(username)).isZero();
		assertThat(count().isVisible()).isFalse();
		assertThat(_find(Div.class, spec -> spec.withClasses("unread"))).isEmpty();
	}

	@Test
	void anotherPersonsNotificationIsNeitherShownNorMarked() {
		String other = aUser(Role.ENGINEER);
		tell(other, "not yours", "/notifications");
		Notification theirs = notifications.of(other, 1).get(0);
		aUser(Role.ENGINEER);
		UI.getCurrent().navigate("notifications");

		assertThat(_find(Div.class, spec -> spec.withId("notification-" + theirs.id()))).isEmpty();
		assertThat(notifications.read(theirs.id(), "someone-else")).isEmpty();
		assertThat(notifications.unread(other)).isOne();
	}

	@Test
	@SuppressWarnings("unchecked")
	void thePreferencesAreSavedAndAudited() {
		String username = aUser(Role.GATEKEEPER);
		UI.getCurrent().navigate("account/notifications");
		assertThat(_get(Paragraph.class, spec -> spec.withId("email-notice")).getText())
			.as("the default profile has no mail server")
			.contains("in the app", "only");
		RadioButtonGroup<Delivery> taskForMe = _get(RadioButtonGroup.class,
				spec -> spec.withId("delivery-TASK_FOR_ME"));
		assertThat(taskForMe.getValue()).isEqualTo(Delivery.IMMEDIATE);

		taskForMe.setValue(Delivery.DAILY_DIGEST);
		_get(RadioButtonGroup.class, spec -> spec.withId("delivery-GATE_DECIDED")).setValue(Delivery.NONE);
		_click(_get(Button.class, spec -> spec.withId("save-preferences")));

		assertThat(preferences.of(username)).containsEntry(NotificationKind.TASK_FOR_ME, Delivery.DAILY_DIGEST)
			.containsEntry(NotificationKind.GATE_DECIDED, Delivery.NONE)
			.containsEntry(NotificationKind.TASK_OVERDUE, Delivery.IMMEDIATE);
		auditTrail.sealCommitted();
		assertThat(jdbc.sql("""
				select actor from audit_entry where action = 'NOTIFICATION_PREFERENCES_CHANGED' and subject_id = ?""")
			.param(username)
			.query(String.class)
			.list()).containsExactly(username);
		UI.getCurrent().navigate("account/notifications");
		assertThat(_get(RadioButtonGroup.class, spec -> spec.withId("delivery-TASK_FOR_ME")).getValue())
			.isEqualTo(Delivery.DAILY_DIGEST);
	}

}
