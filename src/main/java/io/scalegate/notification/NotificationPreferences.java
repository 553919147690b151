package io.scalegate.notification;

import java.util.EnumMap;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What each person receives by e-mail, per kind (table {@code notification_preference};
 * no row: the kind's default). In the app every notification shows, whatever they chose.
 */
@Service
public class NotificationPreferences {

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	NotificationPreferences(JdbcClient jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	/** Every kind's delivery for the person, defaults filled in. */
	public Map<NotificationKind, Delivery> of(String username) {
		Map<NotificationKind, Delivery> deliveries = new EnumMap<>(NotificationKind.class);
		for (NotificationKind kind : NotificationKind.values()) {
			deliveries.put(kind, kind.byDefault());
		}
		jdbc.sql("select kind, delivery from notification_preference where username = ?")
			.param(username)
			.query((rs, n) -> {
				try {
					deliveries.put(NotificationKind.valueOf(rs.getString(1)), Delivery.valueOf(rs.getString(2)));
				}
				catch (IllegalArgumentException retired) {
					// a kind or delivery of an older version: its default applies
				}
				return null;
			})
			.list();
		return deliveries;
	}

	public Delivery of(String username, NotificationKind kind) {
		return of(username).get(kind);
	}

	/**
	 * The person's choice for every kind given (the others keep theirs), kept and
	 * audited.
	 */
	@Transactional
	public void save(String username, Map<NotificationKind, Delivery> deliveries, String by) {
		Map<NotificationKind, Delivery> saved = new EnumMap<>(NotificationKind.class);
		deliveries.forEach((kind, delivery) -> {
			if (kind == null || delivery == null) {
				throw new io.scalegate.base.InvalidInput("delivery", "choose a delivery for every kind");
			}
			int updated = jdbc.sql("update notification_preference set delivery = ? where username = ? and kind = ?")
				.params(delivery.name(), username, kind.name())
				.update();
			if (updated == 0) {
				jdbc.sql("insert into notification_preference (username, kind, delivery) values (?, ?, ?)")
					.params(username, kind.name(), delivery.name())
					.update();
			}
			saved.put(kind, delivery);
		});
		events.publishEvent(new NotificationPreferencesChanged(username, saved, by));
	}

}
