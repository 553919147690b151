package io.scalegate.notification;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The {@code notification} table: rows are written once (the dedupe key), read by their
 * recipient, and their e-mail is claimed by one node at a time with an update guarded by
 * its status.
 */
@Component
class NotificationRows {

	static final String COLUMNS = "id, recipient, kind, subject, text, link, part_number, task_id, created_at, read_at";

	private final JdbcClient jdbc;

	NotificationRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	static OffsetDateTime at(Instant instant) {
		return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	/** Inserts the row unless its dedupe key is there; true when inserted. */
	boolean insert(NotificationRequest request, EmailChannel channel, Instant now) {
		if (exists(request.dedupeKey())) {
			return false;
		}
		jdbc.sql("""
				insert into notification (recipient, kind, subject, text, link, part_number, task_id, created_at,
				dedupe_key, email_channel, email_status, next_attempt_at)
				values (:recipient, :kind, :subject, :text, :link, :partNumber, :taskId, :now, :key, :channel, :status,
				:next)""")
			.param("recipient", request.recipient())
			.param("kind", request.kind().name())
			.param("subject", request.subject())
			.param("text", request.text())
			.param("link", request.link())
			.param("partNumber", request.partNumber())
			.param("taskId", request.taskId())
			.param("now", at(now))
			.param("key", request.dedupeKey())
			.param("channel", channel.name())
			.param("status", channel == EmailChannel.NONE ? "NONE" : "PENDING")
			.param("next", channel == EmailChannel.IMMEDIATE ? at(now) : null)
			.update();
		return true;
	}

	boolean exists(String dedupeKey) {
		return jdbc.sql("select count(*) from notification where dedupe_key = ?")
			.param(dedupeKey)
			.query(Long.class)
			.single() > 0;
	}

	List<Notification> of(String recipient, int limit) {
		return jdbc
			.sql("select " + COLUMNS + " from notification where recipient = ? order by created_at desc, id desc"
					+ " fetch first " + limit + " rows only")
			.param(recipient)
			.query(NotificationRows::notification)
			.list();
	}

	Optional<Notification> get(long id) {
		return jdbc.sql("select " + COLUMNS + " from notification where id = ?")
			.param(id)
			.query(NotificationRows::notification)
			.optional();
	}

	long unread(String recipient) {
		return jdbc.sql("select count(*) from notification where recipient = ? and read_at is null")
			.param(recipient)
			.query(Long.class)
			.single();
	}

	int markRead(long id, String recipient, Instant now) {
		return jdbc.sql("update notification set read_at = ? where id = ? and recipient = ? and read_at is null")
			.params(at(now), id, recipient)
			.update();
	}

	int markAllRead(String recipient, Instant now) {
		return jdbc.sql("update notification set read_at = ? where recipient = ? and read_at is null")
			.params(at(now), recipient)
			.update();
	}

	/** Immediate mails due now, oldest first. */
	List<Long> dueImmediate(Instant now, int limit) {
		return jdbc.sql("""
				select id from notification where email_status = 'PENDING' and email_channel = 'IMMEDIATE'
				and next_attempt_at <= ? order by next_attempt_at, id""" + " fetch first " + limit + " rows only")
			.param(at(now))
			.query(Long.class)
			.list();
	}

	/** The recipients with digest rows waiting. */
	List<String> digestRecipients() {
		return jdbc.sql(
				"select distinct recipient from notification where email_status = 'PENDING' and email_channel = 'DIGEST'")
			.query(String.class)
			.list();
	}

	/** Claims one pending immediate row for this node; true when this node got it. */
	boolean claim(long id, String token, Instant now) {
		return jdbc.sql("""
				update notification set email_status = 'SENDING', claim_token = ?, claimed_at = ?
				where id = ? and email_status = 'PENDING'""").params(token, at(now), id).update() == 1;
	}

	/** Claims every pending digest row of the recipient for this node; how many. */
	int claimDigest(String recipient, String token, Instant now) {
		return jdbc.sql("""
				update notification set email_status = 'SENDING', claim_token = ?, claimed_at = ?
				where recipient = ? and email_channel = 'DIGEST' and email_status = 'PENDING'""")
			.params(token, at(now), recipient)
			.update();
	}

	List<Notification> claimed(String token) {
		return jdbc.sql("select " + COLUMNS + " from notification where claim_token = ? order by created_at, id")
			.param(token)
			.query(NotificationRows::notification)
			.list();
	}

	Attempts attempts(long id) {
		return jdbc.sql("select attempts, last_error from notification where id = ?")
			.param(id)
			.query(Attempts.class)
			.single();
	}

	void sent(String token, Instant now) {
		jdbc.sql(
				"""
						update notification set email_status = 'SENT', emailed_at = ?, attempts = attempts + 1, last_error = null,
						claim_token = null where claim_token = ? and email_status = 'SENDING'""")
			.params(at(now), token)
			.update();
	}

	/**
	 * A failed attempt: tried again at {@code next}, or given up (FAILED) when next is
	 * null.
	 */
	void failed(String token, String error, Instant next) {
		jdbc.sql("""
				update notification set email_status = ?, attempts = attempts + 1, last_error = ?, next_attempt_at = ?,
				claim_token = null where claim_token = ? and email_status = 'SENDING'""")
			.params(next == null ? "FAILED" : "PENDING", error, at(next), token)
			.update();
	}

	/** Rows a node claimed and never finished (it stopped): pending again. */
	int releaseStale(Instant claimedBefore) {
		return jdbc.sql("""
				update notification set email_status = 'PENDING', claim_token = null
				where email_status = 'SENDING' and claimed_at < ?""").param(at(claimedBefore)).update();
	}

	record Attempts(int attempts, String lastError) {
	}

	private static Notification notification(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new Notification(rs.getLong("id"), rs.getString("recipient"),
				NotificationKind.valueOf(rs.getString("kind")), rs.getString("subject"), rs.getString("text"),
				rs.getString("link"), rs.getString("part_number"), rs.getString("task_id"), instant(rs, "created_at"),
				instant(rs, "read_at"));
	}

	private static Instant instant(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

}
