package io.scalegate.audit;

import io.scalegate.base.AuditAction;
import io.scalegate.base.AuditSubject;
import java.time.Instant;
import java.util.Set;

/**
 * What part of the trail to read: actor (exact), actions, subject (type and id, exact), a
 * period [from, to), and free text inside the details (a rule version, a reason). Null
 * parts do not narrow.
 */
public record AuditQuery(String actor, Set<AuditAction> actions, AuditSubject subjectType, String subjectId,
		Instant from, Instant to, String detailsContain) {

	public static AuditQuery all() {
		return new AuditQuery(null, Set.of(), null, null, null, null, null);
	}

	public static AuditQuery product(String partNumber) {
		return new AuditQuery(null, Set.of(), AuditSubject.PRODUCT, partNumber, null, null, null);
	}

}
