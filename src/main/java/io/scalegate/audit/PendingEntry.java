package io.scalegate.audit;

import io.scalegate.base.AuditAction;
import io.scalegate.base.AuditSubject;
import java.time.Instant;

/**
 * An entry appended but not yet chained (a row of the unsealed tail, ADR 0028): what it
 * says and when it was appended.
 */
record PendingEntry(String actor, AuditAction action, AuditSubject subjectType, String subjectId, String details,
		Instant at) {

	/**
	 * The text its MAC in the unsealed tail is computed over: every field, the key it
	 * names and its row's nonce, each prefixed with its length so that no two different
	 * rows read the same.
	 */
	String content(String keyId, String nonce) {
		StringBuilder content = new StringBuilder("pending");
		for (String field : new String[] { nonce, at.toString(), actor, action.name(), subjectType.name(), subjectId,
				details, keyId }) {
			content.append('|').append(field.length()).append(':').append(field);
		}
		return content.toString();
	}

}
