package io.scalegate.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.web.util.HtmlUtils;

/**
 * A notification mail: plain text and simple HTML, the subject naming the product or
 * task, a link to the page; only what the notification says (no secrets), every text
 * escaped in the HTML.
 */
final class MailContent {

	private MailContent() {
	}

	static void one(MimeMessage message, String from, String to, Notification notification,
			NotificationProperties properties) throws MessagingException {
		String link = properties.address(notification.link());
		String text = notification.text() + "\n\nOpen: " + link + "\n\n" + footer(properties);
		String html = "<p>" + escape(notification.text()) + "</p><p><a href=\"" + escape(link)
				+ "\">Open in ScaleGate</a></p>" + "<p style=\"color:#666;font-size:smaller\">"
				+ escape(footer(properties)) + "</p>";
		fill(message, from, to, "[ScaleGate] " + notification.subject(), text, html);
	}

	static void digest(MimeMessage message, String from, String to, List<Notification> notifications,
			NotificationProperties properties) throws MessagingException {
		StringBuilder text = new StringBuilder("Your ScaleGate notifications since the last digest:\n");
		StringBuilder html = new StringBuilder("<p>Your ScaleGate notifications since the last digest:</p><ul>");
		for (Notification notification : notifications) {
			String link = properties.address(notification.link());
			text.append("\n- ")
				.append(notification.subject())
				.append('\n')
				.append("  ")
				.append(notification.text())
				.append("\n  ")
				.append(link)
				.append('\n');
			html.append("<li><a href=\"")
				.append(escape(link))
				.append("\">")
				.append(escape(notification.subject()))
				.append("</a><br>")
				.append(escape(notification.text()))
				.append("</li>");
		}
		text.append('\n').append(footer(properties));
		html.append("</ul><p style=\"color:#666;font-size:smaller\">")
			.append(escape(footer(properties)))
			.append("</p>");
		fill(message, from, to, "[ScaleGate] Daily digest: " + notifications.size() + " notification"
				+ (notifications.size() == 1 ? "" : "s"), text.toString(), html.toString());
	}

	private static String footer(NotificationProperties properties) {
		return "You receive this because of your notification settings: "
				+ properties.address("/account/notifications");
	}

	private static void fill(MimeMessage message, String from, String to, String subject, String text, String html)
			throws MessagingException {
		MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
		helper.setFrom(from);
		helper.setTo(to);
		helper.setSubject(subject);
		helper.setText(text, html);
	}

	private static String escape(String text) {
		return HtmlUtils.htmlEscape(text, "UTF-8");
	}

}
