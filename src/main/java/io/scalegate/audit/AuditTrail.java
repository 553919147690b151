package io.scalegate.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.scalegate.base.AuditAction;
import io.scalegate.base.AuditSubject;
import io.scalegate.base.CommittedConnection;
import io.scalegate.base.Sha256;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.ResourceTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Appends to the tamper-evident trail and verifies it. An entry belongs to the
 * transaction of the change: {@link #append} writes it, unchained, to the trail's
 * unsealed tail in that transaction, so a rolled-back change leaves no entry and a failed
 * entry rolls the change back, and no audited change waits for another (ADR 0028). After
 * the commit the same connection seals: it takes the chain's head row where no other
 * sealer holds it, chains the committed rows of the tail after it and moves the head; a
 * sealer that finds the head taken leaves the rows to its holder, who looks again after
 * its commit, and a sweep every second seals what a node that died left. Each entry's
 * hash is an HMAC-SHA-256 under a key that is not in the database (ADR 0010), so whoever
 * can rewrite the rows cannot recompute a hash that fits; a row of the tail carries one
 * too, and a row that does not fit is refused at the seal.
 */
@Service
public class AuditTrail {

	private static final Logger log = LoggerFactory.getLogger(AuditTrail.class);

	static final String GENESIS = "0".repeat(64);

	/** The key id of the entries written before keys: a plain SHA-256, ADR 0010. */
	static final String LEGACY_KEY_ID = "sha256";

	private static final int VERIFY_PAGE = 5000;

	/** Seals an after-commit step runs at most: the next writer's seal takes the rest. */
	private static final int SEALS_AFTER_COMMIT = 4;

	/** How long a writer waits for another sealer to chain its rows. */
	private static final Duration WRITER_WAIT = Duration.ofSeconds(5);

	/** How long a reader waits for the rows committed before it to be sealed. */
	private static final Duration READER_WAIT = Duration.ofSeconds(10);

	private final JdbcClient jdbc;

	private final Clock clock;

	private final ObjectMapper canonicalJson;

	private final AuditKeys keys;

	private final AuditSealer sealer;

	private final DataSource dataSource;

	private final TransactionTemplate ownTransaction;

	private final TransactionTemplate readTransaction;

	AuditTrail(JdbcClient jdbc, Clock clock, ObjectMapper json, AuditKeys keys,
			PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.canonicalJson = json.copy()
			.configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
			.configure(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS, false);
		this.keys = keys;
		this.sealer = new AuditSealer(jdbc, clock, canonicalJson, keys);
		this.dataSource = (DataSource) ((ResourceTransactionManager) transactions).getResourceFactory();
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.readTransaction = new TransactionTemplate(transactions);
		this.readTransaction.setReadOnly(true);
	}

	/**
	 * Appends an entry in the caller's transaction (or one of its own, where there is
	 * none), stamped with the time of this call; it is chained moments after that
	 * transaction commits. An append from an after-commit step is written at once in a
	 * transaction of its own, never lost.
	 */
	@Transactional
	public void append(String actor, AuditAction action, AuditSubject subjectType, String subjectId,
			Map<String, ?> details) {
		PendingEntry entry = new PendingEntry(actor, action, subjectType, subjectId == null ? "" : subjectId,
				json(details), clock.instant().truncatedTo(ChronoUnit.MICROS));
		PendingEntries pending = PendingEntries.forAppend(this);
		if (pending != null) {
			pending.add(sealer.insert(entry));
		}
		else {
			ownTransaction.executeWithoutResult(status -> PendingEntries.forAppend(this).add(sealer.insert(entry)));
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
		sealer.sealWithCurrentKey();
	}

	/**
	 * Chains every row committed to the unsealed tail before this call, so that what
	 * follows reads them in the trail: for readers of the trail. Where another sealer
	 * holds the head, looks again every few milliseconds (never waiting on the database's
	 * lock), for at most 10 s. In a transaction that appended through this trail, its own
	 * rows are chained in it (it then holds the head until it ends); in another
	 * transaction, nothing is done, and the reader sees the chain as it is.
	 */
	public void sealCommitted() {
		if (PendingEntries.appendedHere(this)) {
			while (sealer.seal(true) == AuditSealer.Outcome.SEALED) {
				// a full batch: on to the next
			}
			return;
		}
		if (TransactionSynchronizationManager.isActualTransactionActive()) {
			return;
		}
		Long last = sealer.lastInTail();
		Instant giveUp = Instant.now().plus(READER_WAIT);
		while (last != null && sealer.tailHolds(last)) {
			AuditSealer.Outcome outcome = ownTransaction.execute(status -> sealer.seal(false));
			if (outcome == AuditSealer.Outcome.NONE) {
				return; // what is left is not this node's to seal now (another node's
						// key, a row locked)
			}
			if (outcome == AuditSealer.Outcome.BUSY) {
				if (Instant.now().isAfter(giveUp)) {
					log.warn("the audit trail's unsealed tail up to row {} is still not sealed after {}", last,
							READER_WAIT);
					return;
				}
				if (!pause()) {
					return;
				}
			}
		}
	}

	/**
	 * The after-commit step of a transaction that appended: sees its rows of the tail
	 * chained before the caller goes on, so that whoever made a change finds it in the
	 * trail as soon as the change returns, and writers never outrun the seal. Where no
	 * other sealer holds the head, it seals them itself (with every other committed row,
	 * up to {@value #SEALS_AFTER_COMMIT} batches); where one does, it looks every few
	 * milliseconds whether that sealer took them (never waiting on the database's lock),
	 * for at most 5 s, after which the sweep seals them. On the committed transaction's
	 * connection, which this thread holds until the transaction manager cleans up (a
	 * transaction of its own would take a second connection while holding the first: the
	 * pool stall of ADR 0021). Never throws.
	 */
	void sealAfterCommit(List<Long> rows) {
		try (CommittedConnection connection = CommittedConnection.of(dataSource)) {
			Instant giveUp = Instant.now().plus(WRITER_WAIT);
			int seals = 0;
			while (true) {
				AuditSealer.Outcome outcome = sealer.seal(false);
				connection.commit();
				boolean mineLeft = sealer.tailHoldsAny(rows);
				connection.commit();
				if (outcome == AuditSealer.Outcome.BUSY && mineLeft) {
					if (Instant.now().isAfter(giveUp)) {
						log.warn("audit trail: rows {} of the unsealed tail not sealed after {}, the sweep seals them",
								rows, WRITER_WAIT);
						return;
					}
					if (!pause()) {
						return;
					}
				}
				else if (!mineLeft && (outcome == AuditSealer.Outcome.BUSY || ++seals >= SEALS_AFTER_COMMIT
						|| !sealer.tailHolds(null))) {
					return;
				}
				else if (mineLeft && outcome == AuditSealer.Outcome.NONE) {
					return; // not to be sealed here (the current key changed meanwhile)
				}
			}
		}
		catch (RuntimeException | SQLException failed) {
			log.warn("audit trail: sealing after a commit failed, the sweep retries: {}", failed.toString());
		}
	}

	/**
	 * Seals what is committed and unsealed, every second by default: rows a node left
	 * when it died between a commit and its seal, and rows whose writer found the head
	 * taken.
	 */
	@Scheduled(fixedDelayString = "${scalegate.audit.seal-sweep-every:1s}",
			initialDelayString = "${scalegate.audit.seal-sweep-every:1s}")
	void sweep() {
		try {
			for (int seal = 0; seal < 100 && sealer.tailHolds(null); seal++) {
				AuditSealer.Outcome outcome = ownTransaction.execute(status -> sealer.seal(false));
				if (outcome != AuditSealer.Outcome.SEALED) {
					return;
				}
			}
		}
		catch (RuntimeException failed) {
			log.warn("audit trail: the seal sweep failed, it runs again: {}", failed.toString());
		}
	}

	/** Waits a few milliseconds; false where the thread is interrupted (stop looking). */
	private static boolean pause() {
		try {
			Thread.sleep(5);
			return true;
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return false;
		}
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
	public AuditVerification verify() {
		sealCommitted();
		if (TransactionSynchronizationManager.isActualTransactionActive()) {
			return walk();
		}
		return readTransaction.execute(status -> walk());
	}

	private AuditVerification walk() {
		// the head first: every entry up to it has committed with it, so writers
		// appending meanwhile add entries beyond it and never make an intact chain look
		// broken
		AuditSealer.Head head = sealer.readHead();
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

}
