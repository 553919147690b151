package io.scalegate.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scalegate.base.AuditAction;
import io.scalegate.base.AuditNote;
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

	private static final ObjectMapper JSON = new ObjectMapper();

	/**
	 * Who acted, as a person reads it: the actor, and for what the system did on
	 * someone's behalf "system on behalf of engineer".
	 */
	public String actorInWords() {
		String person = onBehalfOf();
		return person == null ? actor : actor + " on behalf of " + person;
	}

	/**
	 * The person the system acted for ({@link AuditNote#ON_BEHALF_OF} among the details),
	 * or null.
	 */
	public String onBehalfOf() {
		if (details == null || !details.contains(AuditNote.ON_BEHALF_OF)) {
			return null;
		}
		try {
			JsonNode person = JSON.readTree(details).path(AuditNote.ON_BEHALF_OF);
			return person.isTextual() && !person.asText().isBlank() ? person.asText() : null;
		}
		catch (JsonProcessingException unreadable) {
			return null;
		}
	}

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
