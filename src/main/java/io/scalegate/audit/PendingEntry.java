package io.scalegate.audit;

import io.scalegate.base.AuditAction;
import io.scalegate.base.AuditSubject;
import java.time.Instant;

/**
 * An entry appended but not yet chained: what it says, and when it was appended (its
 * time, though it is chained at commit).
 */
record PendingEntry(String actor, AuditAction action, AuditSubject subjectType, String subjectId, String details,
		Instant at) {
}
