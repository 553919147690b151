package io.scalegate.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.scalegate.base.AuditAction;
import io.scalegate.base.AuditSubject;
import io.scalegate.base.Sha256;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Appends to the tamper-evident trail and verifies it. An entry belongs to the
 * transaction of the change: {@link #append} keeps it with the transaction, and just
 * before the commit (the last before-commit step) the trail locks the chain's head row,
 * writes the transaction's entries chained after it and moves the head; the commit
 * follows at once. So entries chain in commit order across cluster nodes, the head's lock
 * is held only for those inserts and the commit (not for the whole transaction, ADR
 * 0024), a rolled-back change leaves no entry, and a chain write that fails rolls the
 * change back. Each entry's hash is an HMAC-SHA-256 under a key that is not in the
 * database (ADR 0010), so whoever can rewrite the rows cannot recompute a hash that fits.
 */
@Service
public class AuditTrail {

	static final String GENESIS = "0".repeat(64);

	/** The key id of the entries written before keys: a plain SHA-256, ADR 0010. */
	static final String LEGACY_KEY_ID = "sha256";

	private static final int VERIFY_PAGE = 5000;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final ObjectMapper canonicalJson;

	private final AuditKeys keys;

	private final TransactionTemplate ownTransaction;

	AuditTrail(JdbcClient jdbc, Clock clock, ObjectMapper json, AuditKeys keys,
			PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.canonicalJson = json.copy()
			.configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
			.configure(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS, false);
		this.keys = keys;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * Appends an entry to the caller's transaction (or one of its own, where there is
	 * none): it is written at that transaction's commit, stamped with the time of this
	 * call. Where the transaction's entries were written already (an append from an
	 * after-commit step), it is written at once in a transaction of its own, never lost.
	 */
	@Transactional
	public void append(String actor, AuditAction action, AuditSubject subjectType, String subjectId,
			Map<String, ?> details) {
		PendingEntry entry = new PendingEntry(actor, action, subjectType, subjectId == null ? "" : subjectId,
				json(details), clock.instant().truncatedTo(ChronoUnit.MICROS));
		PendingEntries pending = PendingEntries.forAppend(this);
		if (pending == null) {
			ownTransaction.executeWithoutResult(status -> writeChained(List.of(entry)));
		}
		else {
			pending.add(entry);
		}
	}

	/**
	 * Appends in a transaction of its own: for refusals whose own transaction was rolled
	 * back.
	 */
	@Transactional(propagation = org.springframework.transaction.annotation.Propagation.REQUIRES_NEW)
	public void appendSeparately(String actor, AuditAction action, AuditSubject subjectType, String subjectId,
			Map<String, ?> details) {
		append(actor, action, subjectType, subjectId, details);
	}

	/**
	 * Where the last entry was signed with another key than the current one (plain hashes
	 * of before keys, a rotation), an entry says so under the current key: it seals what
	 * came before. Done at start, and before the next entry otherwise.
	 */
	@Transactional
	public void sealWithCurrentKey() {
		// the head is read first and locked only where the key changed: a node starting
		// beside loaded nodes does not queue for the head just to find nothing to seal
		Head head = readHead();
		if (head.lastId() == 0 || head.keyId().equals(keys.current().id())) {
			return;
		}
		changeKeyIfNeeded(lockHead());
	}

	/**
	 * Writes what the current transaction appended so far, so that a read of the trail in
	 * the same transaction sees it. The head stays locked from then until the commit, as
	 * it was for every entry before ADR 0024: only a transaction that reads the trail
	 * after appending pays that.
	 */
	void writePending() {
		PendingEntries pending = PendingEntries.bound(this);
		if (pending != null) {
			writeChained(pending.takeAll());
		}
	}

	/** Locks the head, then chains the entries after it in their order and moves it. */
	void writeChained(List<PendingEntry> entries) {
		if (entries.isEmpty()) {
			return;
		}
		Head head = changeKeyIfNeeded(lockHead());
		for (PendingEntry entry : entries) {
			head = write(head, entry);
		}
		moveHead(head);
	}

	private Head readHead() {
		return jdbc.sql("select last_id, last_hash, last_key_id from audit_head where id = 1")
			.query((rs, n) -> new Head(rs.getLong(1), rs.getString(2), rs.getString(3)))
			.single();
	}

	private Head lockHead() {
		return jdbc.sql("select last_id, last_hash, last_key_id from audit_head where id = 1 for update")
			.query((rs, n) -> new Head(rs.getLong(1), rs.getString(2), rs.getString(3)))
			.single();
	}

	private Head changeKeyIfNeeded(Head head) {
		String current = keys.current().id();
		if (head.lastId() == 0 || head.keyId().equals(current)) {
			return head;
		}
		Head changed = write(head,
				new PendingEntry("system", AuditAction.AUDIT_KEY_CHANGED, AuditSubject.SYSTEM, "audit-key",
						json(Map.of("from", head.keyId(), "to", current, "lastEntryBefore", head.lastId())),
						clock.instant().truncatedTo(ChronoUnit.MICROS)));
		moveHead(changed);
		return changed;
	}

	/** Inserts the entry chained after the head; returns the head it becomes. */
	private Head write(Head head, PendingEntry pending) {
		AuditKey key = keys.current();
		long id = head.lastId() + 1;
		AuditEntry unsigned = new AuditEntry(id, pending.at(), pending.actor(), pending.action(), pending.subjectType(),
				pending.subjectId(), pending.details(), head.hash(), null, key.id());
		String hash = key.hash(unsigned.content());
		jdbc.sql(
				"""
						insert into audit_entry (id, occurred_at, actor, action, subject_type, subject_id, details, previous_hash, entry_hash, key_id)
						values (:id, :at, :actor, :action, :type, :subject, :details, :previous, :hash, :key)""")
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

	/**
	 * Walks the chain from the first entry: each id follows the one before without a gap,
	 * each entry's previous hash is the hash of the one before, each hash is the HMAC of
	 * the entry's content under the key its key id names, and the last entry is the
	 * head's. An edited, deleted, inserted or swapped row breaks it, and so does one
	 * whose hash was recomputed without the key. Plain SHA-256 entries of before keys
	 * count only as a prefix that a keyed entry follows. An entry under a key that is not
	 * configured is reported as such. The chain is verified up to the head read first, so
	 * entries appended while it runs are left for the next verification, never taken for
	 * a break.
	 */
	@Transactional(readOnly = true)
	public AuditVerification verify() {
		writePending();
		// the head first: every entry up to it has committed with it, so writers
		// appending meanwhile add entries beyond it and never make an intact chain look
		// broken
		Head head = readHead();
		long headId = head.lastId();
		String previousHash = GENESIS;
		long expectedId = 1;
		long count = 0;
		boolean keyed = false;
		while (expectedId <= headId) {
			List<AuditEntry> page = jdbc
				.sql("select * from audit_entry where id >= :from and id <= :head order by id fetch first "
						+ VERIFY_PAGE + " rows only")
				.param("from", expectedId)
				.param("head", headId)
				.query(AuditTrail::entry)
				.list();
			if (page.isEmpty()) {
				break;
			}
			for (AuditEntry entry : page) {
				String problem = problem(entry, expectedId, previousHash, keyed);
				if (problem != null) {
					return AuditVerification.broken(count(), expectedId, problem);
				}
				if (!LEGACY_KEY_ID.equals(entry.keyId()) && keys.find(entry.keyId()).isEmpty()) {
					return AuditVerification.unknownKey(count(), expectedId, entry.keyId());
				}
				keyed = !LEGACY_KEY_ID.equals(entry.keyId());
				previousHash = entry.entryHash();
				expectedId++;
				count++;
			}
		}
		if (count != headId) {
			return AuditVerification.broken(count, expectedId, "entry " + expectedId + " is missing");
		}
		if (!head.hash().equals(previousHash)) {
			return AuditVerification.broken(count, headId,
					"the head of the chain does not name the hash of entry " + headId);
		}
		if (count > 0 && !keyed) {
			return AuditVerification.broken(count, 1, "no keyed entry follows the plain SHA-256 entries 1 to " + count
					+ ": nothing proves they were not rewritten (ScaleGate seals them under its key at start)");
		}
		// a row beyond the head as it is now was not appended by the trail (an append
		// moves the head in the same transaction): written behind its back
		long last = jdbc.sql("select coalesce(max(id), 0) from audit_entry").query(Long.class).single();
		long headNow = jdbc.sql("select last_id from audit_head where id = 1").query(Long.class).single();
		if (last > headNow) {
			return AuditVerification.broken(count, headNow + 1,
					"entry " + (headNow + 1) + " lies beyond the head of the chain: written behind the trail's back");
		}
		return AuditVerification.intact(count);
	}

	/** What is wrong with the entry, if anything, but for an unknown key. */
	private String problem(AuditEntry entry, long expectedId, String previousHash, boolean keyed) {
		if (entry.id() != expectedId) {
			return "entry " + expectedId + " is missing";
		}
		if (!entry.previousHash().equals(previousHash)) {
			return "entry " + expectedId + " does not follow the entry before it (a row deleted, inserted or swapped)";
		}
		if (LEGACY_KEY_ID.equals(entry.keyId())) {
			if (keyed) {
				return "entry " + expectedId + " has a plain SHA-256 hash after keyed entries: rewritten";
			}
			if (entry.id() > keys.plainEntries()) {
				// whoever can write the table can relabel entries as plain and recompute
				// them;
				// how many plain entries there were at the upgrade is known outside the
				// database
				return "entry " + expectedId + " has a plain SHA-256 hash, but only entries up to "
						+ keys.plainEntries() + " were written before keys (SCALEGATE_AUDIT_PLAIN_ENTRIES): rewritten";
			}
			return Sha256.hex(entry.content()).equals(entry.entryHash()) ? null
					: "entry " + expectedId + " does not match its hash: edited";
		}
		AuditKey key = keys.find(entry.keyId()).orElse(null);
		return key == null || key.fits(entry.content(), entry.entryHash()) ? null : "entry " + expectedId
				+ " does not match its hash under the key '" + entry.keyId() + "': edited, or rehashed without the key";
	}

	private long count() {
		return jdbc.sql("select count(*) from audit_entry").query(Long.class).single();
	}

	static AuditEntry entry(ResultSet rs, int row) throws SQLException {
		return new AuditEntry(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"),
				AuditAction.valueOf(rs.getString("action")), AuditSubject.valueOf(rs.getString("subject_type")),
				rs.getString("subject_id"), rs.getString("details"), rs.getString("previous_hash"),
				rs.getString("entry_hash"), rs.getString("key_id"));
	}

	private String json(Map<String, ?> details) {
		try {
			return canonicalJson.writeValueAsString(details == null ? Map.of() : details);
		}
		catch (JsonProcessingException e) {
			throw new IllegalArgumentException("audit details cannot be written as JSON", e);
		}
	}

	/** The head row: the last entry's id, hash and key id. */
	private record Head(long lastId, String hash, String keyId) {
	}

}
