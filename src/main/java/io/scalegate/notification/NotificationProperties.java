package io.scalegate.notification;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Notifications (docs/adr/0021). E-mail itself is Spring Boot's {@code spring.mail.*}:
 * without {@code spring.mail.host} no mail is sent and people see their notifications in
 * the app only.
 *
 * @param from the sender address of the mails
 * @param baseUrl ScaleGate's address as people open it, for the links in mails
 * @param digestTime when the daily digest goes out, in {@code zone}
 * @param zone the time zone of {@code digestTime}
 * @param dueSoon how long before its due date a task counts as due soon
 * @param scanEvery how often open tasks are scanned for due soon and overdue
 * @param sendEvery how often the stored immediate mails are sent
 * @param maxAttempts how often a mail is tried before it is given up
 * @param jobsEnabled false: nothing runs on a schedule (tests call the jobs themselves)
 */
@ConfigurationProperties("scalegate.notifications")
public record NotificationProperties(@DefaultValue("scalegate@localhost") String from,
		@DefaultValue("http://localhost:8080") String baseUrl, @DefaultValue("07:00") LocalTime digestTime,
		@DefaultValue("UTC") ZoneId zone, @DefaultValue("2d") Duration dueSoon, @DefaultValue("15m") Duration scanEvery,
		@DefaultValue("30s") Duration sendEvery, @DefaultValue("8") int maxAttempts,
		@DefaultValue("true") boolean jobsEnabled) {

	public NotificationProperties {
		baseUrl = baseUrl.replaceAll("/+$", "");
		if (maxAttempts < 1) {
			throw new IllegalArgumentException("scalegate.notifications.max-attempts must be at least 1");
		}
	}

	/** The address of a path in the app, for a mail. */
	public String address(String link) {
		return baseUrl + link;
	}

}
