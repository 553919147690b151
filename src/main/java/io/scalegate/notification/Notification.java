package io.scalegate.notification;

import java.time.Instant;

/** A notification as its recipient sees it in the app. */
public record Notification(long id, String recipient, NotificationKind kind, String subject, String text, String link,
		String partNumber, String taskId, Instant createdAt, Instant readAt) {

	public boolean unread() {
		return readAt == null;
	}

}
