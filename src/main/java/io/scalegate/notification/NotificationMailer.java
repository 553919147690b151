package io.scalegate.notification;

import io.scalegate.security.UserAccounts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Sends the stored immediate mails ({@link NotificationJobs} calls it every few seconds
 * on every node): each row is claimed by one node with an update guarded by its status,
 * sent, and marked; a failure is kept (attempts, last error) and tried again later, the
 * wait doubling from one minute up to six hours, until {@code max-attempts}. Nothing here
 * ever reaches the work that caused the notification.
 */
@Component
class NotificationMailer {

	private static final Logger log = LoggerFactory.getLogger(NotificationMailer.class);

	static final Duration FIRST_RETRY = Duration.ofMinutes(1);

	static final Duration LONGEST_WAIT = Duration.ofHours(6);

	/** a node that claimed a row and stopped: the row is pending again after this */
	static final Duration CLAIM_TIMEOUT = Duration.ofMinutes(10);

	private final NotificationRows rows;

	private final ObjectProvider<JavaMailSender> mail;

	private final UserAccounts accounts;

	private final NotificationProperties properties;

	private final Clock clock;

	NotificationMailer(NotificationRows rows, ObjectProvider<JavaMailSender> mail, UserAccounts accounts,
			NotificationProperties properties, Clock clock) {
		this.rows = rows;
		this.mail = mail;
		this.accounts = accounts;
		this.properties = properties;
		this.clock = clock;
	}

	/** Sends what is due; how many mails went out. */
	int sendDue() {
		JavaMailSender sender = mail.getIfAvailable();
		if (sender == null) {
			return 0;
		}
		Instant now = clock.instant();
		rows.releaseStale(now.minus(CLAIM_TIMEOUT));
		int sent = 0;
		for (long id : rows.dueImmediate(now, 100)) {
			String token = UUID.randomUUID().toString();
			if (!rows.claim(id, token, now)) {
				continue; // another node has it
			}
			for (Notification notification : rows.claimed(token)) {
				if (send(sender, token, notification)) {
					sent++;
				}
			}
		}
		return sent;
	}

	private boolean send(JavaMailSender sender, String token, Notification notification) {
		try {
			String to = accounts.email(notification.recipient())
				.orElseThrow(() -> new IllegalStateException("no e-mail address any more"));
			sender.send(message -> MailContent.one(message, properties.from(), to, notification, properties));
			rows.sent(token, clock.instant());
			return true;
		}
		catch (RuntimeException failed) {
			failed(token, notification.id(), failed);
			return false;
		}
	}

	void failed(String token, long id, Exception failure) {
		int attempts = rows.attempts(id).attempts() + 1;
		Instant next = attempts >= properties.maxAttempts() ? null : clock.instant().plus(backoff(attempts));
		rows.failed(token, error(failure), next);
		log.warn("notification mail {} failed (attempt {}{}): {}", id, attempts,
				next == null ? ", given up" : ", again at " + next, error(failure));
	}

	/** One minute after the first failure, doubling, at most six hours. */
	static Duration backoff(int attempts) {
		Duration wait = FIRST_RETRY.multipliedBy(1L << Math.min(attempts - 1, 20));
		return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
	}

	/**
	 * The failure as kept: its message chain, bounded; the mail server's password is
	 * never in it.
	 */
	static String error(Throwable failure) {
		StringBuilder error = new StringBuilder();
		for (Throwable cause = failure; cause != null && error.length() < 500; cause = cause.getCause()) {
			if (!error.isEmpty()) {
				error.append(" ← ");
			}
			error.append(cause.getClass().getSimpleName()).append(": ").append(cause.getMessage());
			if (cause.getCause() == cause) {
				break;
			}
		}
		return error.length() <= 500 ? error.toString() : error.substring(0, 499) + "…";
	}

}
