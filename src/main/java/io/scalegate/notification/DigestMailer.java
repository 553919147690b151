package io.scalegate.notification;

import io.scalegate.security.UserAccounts;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * The daily digest ({@code scalegate.notifications.digest-time} in its zone): each person
 * with digest notifications waiting gets one mail with all of them. A node claims a
 * person's rows with one update guarded by their status, so two nodes never both send
 * them; a failed digest leaves them for the next run.
 */
@Component
class DigestMailer {

	private static final Logger log = LoggerFactory.getLogger(DigestMailer.class);

	private final NotificationRows rows;

	private final ObjectProvider<JavaMailSender> mail;

	private final UserAccounts accounts;

	private final NotificationProperties properties;

	private final NotificationMailer mailer;

	private final Clock clock;

	DigestMailer(NotificationRows rows, ObjectProvider<JavaMailSender> mail, UserAccounts accounts,
			NotificationProperties properties, NotificationMailer mailer, Clock clock) {
		this.rows = rows;
		this.mail = mail;
		this.accounts = accounts;
		this.properties = properties;
		this.mailer = mailer;
		this.clock = clock;
	}

	/** Sends every waiting digest; how many mails went out. */
	int sendDigests() {
		JavaMailSender sender = mail.getIfAvailable();
		if (sender == null) {
			return 0;
		}
		int sent = 0;
		for (String recipient : rows.digestRecipients()) {
			String token = UUID.randomUUID().toString();
			if (rows.claimDigest(recipient, token, clock.instant()) == 0) {
				continue; // another node has them
			}
			List<Notification> notifications = rows.claimed(token);
			try {
				String to = accounts.email(recipient)
					.orElseThrow(() -> new IllegalStateException("no e-mail address any more"));
				sender.send(message -> MailContent.digest(message, properties.from(), to, notifications, properties));
				rows.sent(token, clock.instant());
				sent++;
			}
			catch (RuntimeException failed) {
				// pending again (until the last attempt): the next digest takes them
				// along
				mailer.failed(token, notifications.get(0).id(), failed);
				log.warn("digest for {} not sent", recipient);
			}
		}
		return sent;
	}

}
