package io.scalegate.audit;

import io.scalegate.base.AuditAction;
import io.scalegate.base.AuditSubject;
import java.time.Instant;

/**
 * One event in the trail: when (server time, UTC), who, what, about which subject, the
 * details as JSON, and the chain: the previous entry's hash, this entry's own, and the id
 * of the key it was computed with ({@code sha256}: a plain hash of before keys, ADR
 * 0010).
 */
public record AuditEntry(long id, Instant occurredAt, String actor, AuditAction action, AuditSubject subjectType,
		String subjectId, String details, String previousHash, String entryHash, String keyId) {

	/**
	 * The text the entry's hash is computed over: every field but the hash itself (the
	 * key id too, but for the plain hashes of before keys, which had none).
	 */
	String content() {
		String content = String.join("|", String.valueOf(id), occurredAt.toString(), actor, action.name(),
				subjectType.name(), subjectId, details, previousHash);
		return AuditTrail.LEGACY_KEY_ID.equals(keyId) ? content : content + "|" + keyId;
	}

}
