package io.scalegate.evidence;

import io.scalegate.base.AuditAction;
import io.scalegate.base.AuditNote;
import io.scalegate.base.AuditSubject;
import io.scalegate.base.Audited;
import java.util.Map;

/**
 * Published in the transaction that changed recorded evidence: the row before and after,
 * and why.
 */
public record EvidenceChanged(String partNumber, EvidenceKind kind, long id, EvidenceRow before, EvidenceRow after,
		String reason, String changedBy) implements Audited {

	@Override
	public AuditNote audit() {
		return new AuditNote(AuditAction.EVIDENCE_CHANGED, AuditSubject.PRODUCT, partNumber, changedBy,
				Map.of("kind", kind.name(), "id", id, "before", before, "after", after, "reason", reason));
	}

}
