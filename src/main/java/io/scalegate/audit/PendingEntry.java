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
	 * The text its MAC in the unsealed tail is computed over: every field, under the key
	 * it names.
	 */
	String content(String keyId) {
		return String.join("|", "pending", at.toString(), actor, action.name(), subjectType.name(), subjectId, details,
				keyId);
	}

}
