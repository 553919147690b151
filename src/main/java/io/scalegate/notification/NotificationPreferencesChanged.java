package io.scalegate.notification;

import io.scalegate.base.AuditAction;
import io.scalegate.base.AuditNote;
import io.scalegate.base.AuditSubject;
import io.scalegate.base.Audited;
import java.util.LinkedHashMap;
import java.util.Map;

/** A person chose what they receive by e-mail: each kind's delivery as saved. */
record NotificationPreferencesChanged(String username, Map<NotificationKind, Delivery> deliveries,
		String by) implements Audited {

	@Override
	public AuditNote audit() {
		Map<String, Object> details = new LinkedHashMap<>();
		deliveries.forEach((kind, delivery) -> details.put(kind.name(), delivery.name()));
		return new AuditNote(AuditAction.NOTIFICATION_PREFERENCES_CHANGED, AuditSubject.USER, username, by, details);
	}

}
