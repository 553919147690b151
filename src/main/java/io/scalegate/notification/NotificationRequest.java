package io.scalegate.notification;

import java.util.Objects;

/**
 * Something to tell one person: what kind, a subject and a text (plain, as written: the
 * HTML mail escapes it), the path of the page in the app it is about ({@code /tasks/…},
 * {@code /products/…}), the product and task it concerns if any, and a key that is the
 * same whenever the same event is reported again (another node, a retried transaction),
 * so that it is recorded once.
 *
 * @param dedupeKey unique per event and recipient, e.g. {@code "mention:comment-42:erin"}
 */
public record NotificationRequest(String recipient, NotificationKind kind, String subject, String text, String link,
		String partNumber, String taskId, String dedupeKey) {

	public NotificationRequest {
		Objects.requireNonNull(recipient, "recipient");
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(subject, "subject");
		Objects.requireNonNull(link, "link");
		Objects.requireNonNull(dedupeKey, "dedupeKey");
		text = text == null ? "" : text;
		subject = clip(subject.strip().replaceAll("[\\r\\n\\t]+", " "), 300);
		text = clip(text, 2000);
		dedupeKey = clip(dedupeKey, 300);
		if (!link.startsWith("/")) {
			throw new IllegalArgumentException("a notification links to a path in the app: " + link);
		}
	}

	private static String clip(String value, int max) {
		return value.length() <= max ? value : value.substring(0, max - 1) + "…";
	}

}
