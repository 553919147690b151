package io.scalegate.evidence;

import io.scalegate.base.AuditAction;
import io.scalegate.base.AuditNote;
import io.scalegate.base.AuditSubject;
import io.scalegate.base.Audited;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Published in the transaction that recorded new evidence of one product (one event per
 * product and kind).
 */
public record EvidenceRecorded(String partNumber, EvidenceKind kind, List<EvidenceRow> rows,
		String recordedBy) implements Audited {

	@Override
	public AuditNote audit() {
		return new AuditNote(AuditAction.EVIDENCE_RECORDED, AuditSubject.PRODUCT, partNumber, recordedBy, details());
	}

	/** Above this many rows, an import's entry lists the ids, not every value. */
	static final int ROWS_IN_FULL = 20;

	private Map<String, Object> details() {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("kind", kind.name());
		details.put("count", rows.size());
		if (rows.size() <= ROWS_IN_FULL) {
			details.put("rows", rows);
		}
		else {
			details.put("ids", rows.stream().map(EvidenceRow::id).toList());
		}
		return details;
	}

}
