package io.scalegate.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scalegate.base.AuditAction;
import io.scalegate.base.AuditSubject;
import io.scalegate.base.Sha256;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * Chains the unsealed tail into the trail (ADR 0028), in the caller's transaction: takes
 * the chain's head row (skipping where another sealer holds it), chains the committed
 * rows of the tail in their order after it, deletes them from the tail and moves the
 * head. Only sealers take the head, so no audited change ever waits for it. A row whose
 * MAC does not fit its content (edited or forged in the database) is not chained as
 * written: an {@link AuditAction#AUDIT_ENTRY_REFUSED} entry takes its place and says what
 * it held. A row under a key this node does not hold is left for a node that does.
 */
final class AuditSealer {

	/** The most rows one seal chains; a sealer that chained this many goes on. */
	static final int BATCH = 500;

	/**
	 * How long a row under a key this node lacks is left for a node that has it (a
	 * rolling key rotation); after that it is refused.
	 */
	static final Duration ABANDONED = Duration.ofMinutes(10);

	/** What a seal did. */
	enum Outcome {

		/** Another sealer holds the head: it looks again after its commit. */
		BUSY,
		/** Nothing to chain. */
		NONE,
		/** Chained some rows, the tail may hold more. */
		SEALED

	}

	private final JdbcClient jdbc;

	private final Clock clock;

	private final ObjectMapper canonicalJson;

	private final AuditKeys keys;

	AuditSealer(JdbcClient jdbc, Clock clock, ObjectMapper canonicalJson, AuditKeys keys) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.canonicalJson = canonicalJson;
		this.keys = keys;
	}

	/** Writes an entry to the unsealed tail, in the caller's transaction; its row. */
	long insert(PendingEntry entry) {
		AuditKey key = keys.current();
		String nonce = UUID.randomUUID().toString();
		GeneratedKeyHolder row = new GeneratedKeyHolder();
		jdbc.sql(
				"""
						insert into audit_pending (occurred_at, actor, action, subject_type, subject_id, details, key_id, nonce, entry_mac)
						values (:at, :actor, :action, :type, :subject, :details, :key, :nonce, :mac)""")
			.param("at", Timestamp.from(entry.at()))
			.param("actor", entry.actor())
			.param("action", entry.action().name())
			.param("type", entry.subjectType().name())
			.param("subject", entry.subjectId())
			.param("details", entry.details())
			.param("key", key.id())
			.param("nonce", nonce)
			.param("mac", key.hash(entry.content(key.id(), nonce)))
			.update(row, "seq");
		return row.getKey().longValue();
	}

	/**
	 * Seals up to {@link #BATCH} rows in the caller's transaction, which then holds the
	 * head until it ends. With {@code wait}, waits for another sealer's head (a
	 * transaction that reads what it appended); otherwise skips it.
	 */
	Outcome seal(boolean wait) {
		Optional<Head> locked = wait ? Optional.of(lockHead()) : tryLockHead();
		if (locked.isEmpty()) {
			return Outcome.BUSY;
		}
		// the rows this node can check, and rows under a key no node has held for a
		// while;
		// a row someone else has locked (an administrator's session) is left for later
		List<Row> rows = jdbc
			.sql("select * from audit_pending where key_id in (:known) or occurred_at < :abandoned"
					+ " order by seq fetch first " + BATCH + " rows only for update skip locked")
			.param("known", keys.all().stream().map(AuditKey::id).toList())
			.param("abandoned", Timestamp.from(clock.instant().minus(ABANDONED)))
			.query((rs, n) -> new Row(rs.getLong("seq"), rs.getTimestamp("occurred_at").toInstant(),
					rs.getString("actor"), rs.getString("action"), rs.getString("subject_type"),
					rs.getString("subject_id"), rs.getString("details"), rs.getString("key_id"), rs.getString("nonce"),
					rs.getString("entry_mac")))
			.list();
		if (rows.isEmpty()) {
			return Outcome.NONE;
		}
		// the nonces of this batch already chained, read once: a copy is refused as a
		// replay
		Set<String> chained = new HashSet<>(jdbc.sql("select tail_nonce from audit_entry where tail_nonce in (:nonces)")
			.param("nonces", rows.stream().map(Row::nonce).toList())
			.query(String.class)
			.list());
		Head head = changeKeyIfNeeded(locked.get());
		for (Row row : rows) {
			String refused = refusedFor(row, chained);
			if (refused == null) {
				head = write(head, row.entry(), row.nonce());
				chained.add(row.nonce());
			}
			else {
				head = write(head, refusal(row, refused), null);
			}
		}
		jdbc.sql("delete from audit_pending where seq in (:seqs)")
			.param("seqs", rows.stream().map(Row::seq).toList())
			.update();
		moveHead(head);
		return Outcome.SEALED;
	}

	/**
	 * Why the row is not chained as written, or null where it is; {@code chained}: the
	 * nonces of entries chained from the tail.
	 */
	private String refusedFor(Row row, Set<String> chained) {
		Optional<AuditKey> key = keys.find(row.keyId());
		if (key.isEmpty()) {
			return "it is under the key '" + row.keyId() + "', which no node has held for " + ABANDONED.toMinutes()
					+ " minutes";
		}
		PendingEntry entry = row.entry();
		if (entry == null) {
			return "it names an action or a subject type ScaleGate does not write";
		}
		if (!key.get().fits(entry.content(row.keyId(), row.nonce()), row.mac())) {
			return "its MAC does not fit its content: edited or forged in the database";
		}
		if (chained.contains(row.nonce())) {
			return "it is a copy of an entry chained before: replayed";
		}
		return null;
	}

	/** Whether the tail holds a committed row (up to {@code seq}, where given). */
	boolean tailHolds(Long seq) {
		return !jdbc
			.sql("select seq from audit_pending" + (seq == null ? "" : " where seq <= :seq")
					+ " fetch first 1 rows only")
			.params(seq == null ? Map.<String, Object>of() : Map.<String, Object>of("seq", seq))
			.query(Long.class)
			.list()
			.isEmpty();
	}

	/** Whether any of the rows is still in the tail. */
	boolean tailHoldsAny(List<Long> rows) {
		return !rows.isEmpty() && jdbc.sql("select count(*) from audit_pending where seq in (:rows)")
			.param("rows", rows)
			.query(Long.class)
			.single() > 0;
	}

	/** The last row of the tail committed so far, if any. */
	Long lastInTail() {
		return jdbc.sql("select max(seq) from audit_pending").query(Long.class).optional().orElse(null);
	}

	/**
	 * Where the last entry was signed with another key than the current one, chains an
	 * entry that says so under the current key (in the caller's transaction).
	 */
	void sealWithCurrentKey() {
		Head head = readHead();
		if (head.lastId() == 0 || head.keyId().equals(keys.current().id())) {
			return;
		}
		changeKeyIfNeeded(lockHead());
	}

	Head readHead() {
		return head("").orElseThrow();
	}

	private Head lockHead() {
		return head(" for update").orElseThrow();
	}

	/** The head, where no other sealer holds it. */
	private Optional<Head> tryLockHead() {
		return head(" for update skip locked");
	}

	private Optional<Head> head(String lock) {
		return jdbc.sql("select last_id, last_hash, last_key_id from audit_head where id = 1" + lock)
			.query((rs, n) -> new Head(rs.getLong(1), rs.getString(2), rs.getString(3)))
			.optional();
	}

	private PendingEntry refusal(Row row, String reason) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("reason", reason);
		details.put("tailRow", row.seq());
		details.put("occurredAt", row.at().toString());
		details.put("actor", clip(row.actor(), 120));
		details.put("action", clip(row.action(), 40));
		details.put("subjectType", clip(row.subjectType(), 20));
		details.put("subjectId", clip(row.subjectId(), 200));
		// the details as far as they fit, and the hash of all of them
		details.put("detailsStart", clip(row.details(), 1000));
		details.put("detailsSha256", Sha256.hex(row.details()));
		details.put("keyId", clip(row.keyId(), 40));
		return new PendingEntry("system", AuditAction.AUDIT_ENTRY_REFUSED, AuditSubject.SYSTEM, "audit-trail",
				json(details), clock.instant().truncatedTo(ChronoUnit.MICROS));
	}

	private static String clip(String text, int length) {
		return text == null || text.length() <= length ? text : text.substring(0, length) + "…";
	}

	private Head changeKeyIfNeeded(Head head) {
		String current = keys.current().id();
		if (head.lastId() == 0 || head.keyId().equals(current)) {
			return head;
		}
		Head changed = write(head,
				new PendingEntry("system", AuditAction.AUDIT_KEY_CHANGED, AuditSubject.SYSTEM, "audit-key",
						json(Map.of("from", head.keyId(), "to", current, "lastEntryBefore", head.lastId())),
						clock.instant().truncatedTo(ChronoUnit.MICROS)),
				null);
		moveHead(changed);
		return changed;
	}

	/**
	 * Inserts the entry chained after the head, with the nonce of its tail row (none for
	 * the sealer's own entries); returns the head it becomes.
	 */
	private Head write(Head head, PendingEntry pending, String nonce) {
		AuditKey key = keys.current();
		long id = head.lastId() + 1;
		AuditEntry unsigned = new AuditEntry(id, pending.at(), pending.actor(), pending.action(), pending.subjectType(),
				pending.subjectId(), pending.details(), head.hash(), null, key.id());
		String hash = key.hash(unsigned.content());
		jdbc.sql(
				"""
						insert into audit_entry (id, occurred_at, actor, action, subject_type, subject_id, details, previous_hash, entry_hash, key_id, tail_nonce)
						values (:id, :at, :actor, :action, :type, :subject, :details, :previous, :hash, :key, :nonce)""")
			.param("id", id)
			.param("at", Timestamp.from(pending.at()))
			.param("actor", unsigned.actor())
			.param("action", pending.action().name())
			.param("type", pending.subjectType().name())
			.param("subject", unsigned.subjectId())
			.param("details", unsigned.details())
			.param("previous", unsigned.previousHash())
			.param("hash", hash)
			.param("key", key.id())
			.param("nonce", nonce)
			.update();
		return new Head(id, hash, key.id());
	}

	private void moveHead(Head head) {
		jdbc.sql("update audit_head set last_id = :id, last_hash = :hash, last_key_id = :key where id = 1")
			.param("id", head.lastId())
			.param("hash", head.hash())
			.param("key", head.keyId())
			.update();
	}

	private String json(Map<String, ?> details) {
		try {
			return canonicalJson.writeValueAsString(details);
		}
		catch (JsonProcessingException e) {
			throw new IllegalArgumentException("audit details cannot be written as JSON", e);
		}
	}

	/** The head row: the last entry's id, hash and key id. */
	record Head(long lastId, String hash, String keyId) {
	}

	/** A row of the unsealed tail, as stored. */
	private record Row(long seq, Instant at, String actor, String action, String subjectType, String subjectId,
			String details, String keyId, String nonce, String mac) {

		/**
		 * What it says, or null where it names an action or subject type unknown here.
		 */
		PendingEntry entry() {
			try {
				return new PendingEntry(actor, AuditAction.valueOf(action), AuditSubject.valueOf(subjectType),
						subjectId, details, at);
			}
			catch (IllegalArgumentException | NullPointerException unknown) {
				return null;
			}
		}

	}

}
