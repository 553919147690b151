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
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appends to the tamper-evident trail and verifies it. An entry is written in the
 * caller's transaction (or its own, where there is none), after locking the chain's head
 * row, so entries chain in commit order across cluster nodes; a rolled-back change leaves
 * no entry.
 */
@Service
public class AuditTrail {

	static final String GENESIS = "0".repeat(64);

	private static final int VERIFY_PAGE = 5000;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final ObjectMapper canonicalJson;

	AuditTrail(JdbcClient jdbc, Clock clock, ObjectMapper json) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.canonicalJson = json.copy()
			.configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
			.configure(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS, false);
	}

	@Transactional
	public AuditEntry append(String actor, AuditAction action, AuditSubject subjectType, String subjectId,
			Map<String, ?> details) {
		Object[] head = jdbc.sql("select last_id, last_hash from audit_head where id = 1 for update")
			.query((rs, n) -> new Object[] { rs.getLong(1), rs.getString(2) })
			.single();
		long id = (Long) head[0] + 1;
		Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
		AuditEntry unsigned = new AuditEntry(id, now, actor, action, subjectType, subjectId == null ? "" : subjectId,
				json(details), (String) head[1], null);
		AuditEntry entry = new AuditEntry(id, now, unsigned.actor(), action, subjectType, unsigned.subjectId(),
				unsigned.details(), unsigned.previousHash(), Sha256.hex(unsigned.content()));
		jdbc.sql(
				"""
						insert into audit_entry (id, occurred_at, actor, action, subject_type, subject_id, details, previous_hash, entry_hash)
						values (:id, :at, :actor, :action, :type, :subject, :details, :previous, :hash)""")
			.param("id", id)
			.param("at", Timestamp.from(now))
			.param("actor", entry.actor())
			.param("action", action.name())
			.param("type", subjectType.name())
			.param("subject", entry.subjectId())
			.param("details", entry.details())
			.param("previous", entry.previousHash())
			.param("hash", entry.entryHash())
			.update();
		jdbc.sql("update audit_head set last_id = :id, last_hash = :hash where id = 1")
			.param("id", id)
			.param("hash", entry.entryHash())
			.update();
		return entry;
	}

	/**
	 * Appends in a transaction of its own: for refusals whose own transaction was rolled
	 * back.
	 */
	@Transactional(propagation = org.springframework.transaction.annotation.Propagation.REQUIRES_NEW)
	public AuditEntry appendSeparately(String actor, AuditAction action, AuditSubject subjectType, String subjectId,
			Map<String, ?> details) {
		return append(actor, action, subjectType, subjectId, details);
	}

	/**
	 * Walks the chain from the first entry: each id follows the one before without a gap,
	 * each entry's previous hash is the hash of the one before, each hash matches the
	 * entry's content, and the last entry is the head's. An edited, deleted, inserted or
	 * swapped row breaks it. The chain is verified up to the head read first, so entries
	 * appended while it runs are left for the next verification, never taken for a break.
	 */
	@Transactional(readOnly = true)
	public AuditVerification verify() {
		// the head first: every entry up to it has committed with it, so writers
		// appending
		// meanwhile add entries beyond it and never make an intact chain look broken
		Object[] head = jdbc.sql("select last_id, last_hash from audit_head where id = 1")
			.query((rs, n) -> new Object[] { rs.getLong(1), rs.getString(2) })
			.single();
		long headId = (Long) head[0];
		String previousHash = GENESIS;
		long expectedId = 1;
		long count = 0;
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
				if (entry.id() != expectedId || !entry.previousHash().equals(previousHash)
						|| !Sha256.hex(entry.content()).equals(entry.entryHash())) {
					return new AuditVerification(false, count(), expectedId);
				}
				previousHash = entry.entryHash();
				expectedId++;
				count++;
			}
		}
		if (count != headId || !head[1].equals(previousHash)) {
			return new AuditVerification(false, count, Math.min(expectedId, headId));
		}
		// a row beyond the head as it is now was not appended by the trail (an append
		// moves
		// the head in the same transaction): written behind its back
		long last = jdbc.sql("select coalesce(max(id), 0) from audit_entry").query(Long.class).single();
		long headNow = jdbc.sql("select last_id from audit_head where id = 1").query(Long.class).single();
		if (last > headNow) {
			return new AuditVerification(false, count, headNow + 1);
		}
		return new AuditVerification(true, count, null);
	}

	private long count() {
		return jdbc.sql("select count(*) from audit_entry").query(Long.class).single();
	}

	static AuditEntry entry(ResultSet rs, int row) throws SQLException {
		return new AuditEntry(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"),
				AuditAction.valueOf(rs.getString("action")), AuditSubject.valueOf(rs.getString("subject_type")),
				rs.getString("subject_id"), rs.getString("details"), rs.getString("previous_hash"),
				rs.getString("entry_hash"));
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
