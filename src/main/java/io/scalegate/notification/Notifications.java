package io.scalegate.notification;

import io.scalegate.base.CommittedConnection;
import io.scalegate.security.UserAccounts;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tells people things (docs/adr/0021): the one way any feature records a notification. A
 * notification is kept in its own transaction, once per dedupe key, with its e-mail
 * channel decided now from the recipient's preference, their address and whether e-mail
 * is configured; the mail itself goes out later ({@link NotificationMailer},
 * {@link DigestMailer}). Nothing here throws back into the caller: a notification that
 * cannot be recorded is logged and dropped, the caller's work stands.
 */
@Service
public class Notifications {

	private static final Logger log = LoggerFactory.getLogger(Notifications.class);

	private final NotificationRows rows;

	private final NotificationPreferences preferences;

	private final UserAccounts accounts;

	private final ObjectProvider<JavaMailSender> mail;

	private final Clock clock;

	private final TransactionTemplate ownTransaction;

	private final DataSource dataSource;

	Notifications(NotificationRows rows, NotificationPreferences preferences, UserAccounts accounts,
			ObjectProvider<JavaMailSender> mail, Clock clock, PlatformTransactionManager transactions,
			DataSource dataSource) {
		this.dataSource = dataSource;
		this.rows = rows;
		this.preferences = preferences;
		this.accounts = accounts;
		this.mail = mail;
		this.clock = clock;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * Records the notification now, in its own transaction (call it after the causing
	 * transaction committed, e.g. from an
	 * {@code @TransactionalEventListener(phase = AFTER_COMMIT)}); false when it was there
	 * already (same dedupe key) or could not be recorded. Never throws.
	 */
	public boolean record(NotificationRequest request) {
		try {
			return Boolean.TRUE
				.equals(ownTransaction.execute(status -> rows.insert(request, channel(request), clock.instant())));
		}
		catch (DuplicateKeyException raced) {
			// another node (or a retried transaction) recorded the same event a moment
			// ago
			return false;
		}
		catch (RuntimeException failed) {
			log.warn("notification {} for {} not recorded: {}", request.dedupeKey(), request.recipient(),
					failed.toString());
			return false;
		}
	}

	/** {@link #record} for each; how many were recorded. */
	public int recordAll(Collection<NotificationRequest> requests) {
		int recorded = 0;
		for (NotificationRequest request : requests) {
			if (record(request)) {
				recorded++;
			}
		}
		return recorded;
	}

	/**
	 * Records the notifications when the current transaction commits, and never when it
	 * rolls back; without a transaction, now. For a caller inside the causing work.
	 */
	public void afterCommit(List<NotificationRequest> requests) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					recordAllAfterCommit(requests);
				}
			});
		}
		else {
			recordAll(requests);
		}
	}

	/**
	 * {@link #recordAll} for a caller that runs after the causing transaction committed
	 * (an {@code AFTER_COMMIT} listener), or without one. Until the transaction manager
	 * cleans up, this thread still holds the committed transaction's connection: a
	 * transaction of its own would take a second connection while holding the first, and
	 * once every connection of the pool is held that way all of them wait for the pool's
	 * timeout, and the notifications are lost (found under load, issue 17). So the
	 * committed transaction's connection records them, each committed (or rolled back) on
	 * it at once.
	 */
	public void recordAllAfterCommit(Collection<NotificationRequest> requests) {
		if (!TransactionSynchronizationManager.hasResource(dataSource)) {
			recordAll(requests);
			return;
		}
		for (NotificationRequest request : requests) {
			recordOnCommittedConnection(request);
		}
	}

	private boolean recordOnCommittedConnection(NotificationRequest request) {
		try (CommittedConnection connection = CommittedConnection.of(dataSource)) {
			boolean recorded = rows.insert(request, channel(request), clock.instant());
			connection.commit();
			return recorded;
		}
		catch (DuplicateKeyException raced) {
			return false;
		}
		catch (RuntimeException | SQLException failed) {
			log.warn("notification {} for {} not recorded: {}", request.dedupeKey(), request.recipient(),
					failed.toString());
			return false;
		}
	}

	/** Whether e-mail is configured ({@code spring.mail.host}). */
	public boolean emailEnabled() {
		return mail.getIfAvailable() != null;
	}

	private EmailChannel channel(NotificationRequest request) {
		if (!emailEnabled() || accounts.email(request.recipient()).isEmpty()) {
			return EmailChannel.NONE;
		}
		return switch (preferences.of(request.recipient(), request.kind())) {
			case NONE -> EmailChannel.NONE;
			case IMMEDIATE -> EmailChannel.IMMEDIATE;
			case DAILY_DIGEST -> EmailChannel.DIGEST;
		};
	}

	/** The person's notifications, newest first (at most {@code limit}). */
	public List<Notification> of(String recipient, int limit) {
		return rows.of(recipient, limit);
	}

	public long unread(String recipient) {
		return rows.unread(recipient);
	}

	/** The person read one of their notifications; the link it opens. */
	public java.util.Optional<String> read(long id, String recipient) {
		return ownTransaction.execute(status -> {
			var notification = rows.get(id).filter(n -> n.recipient().equals(recipient));
			notification.ifPresent(n -> rows.markRead(id, recipient, clock.instant()));
			return notification.map(Notification::link);
		});
	}

	public int readAll(String recipient) {
		return ownTransaction.execute(status -> rows.markAllRead(recipient, clock.instant()));
	}

}
