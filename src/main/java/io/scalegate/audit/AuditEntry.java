package io.scalegate.audit;

import io.scalegate.base.AuditAction;
import io.scalegate.base.AuditSubject;
import java.time.Instant;

/**
 * One event in the trail: when (server time, UTC), who, what, about which subject, the
 * details as JSON, and the hash chain: the previous entry's hash and this entry's own.
 */
public record AuditEntry(long id, Instant occurredAt, String actor, AuditAction action, AuditSubject subjectType,
		String subjectId, String details, String previousHash, String entryHash) {

	/** The text the entry's hash is computed over: every field but the hash itself. */
	String content() {
		return String.join("|", String.valueOf(id), occurredAt.toString(), actor, action.name(), subjectType.name(),
				subjectId, details, previousHash);
	}

}
