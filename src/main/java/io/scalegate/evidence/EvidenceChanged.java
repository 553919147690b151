package io.scalegate.evidence;

/**
 * Published in the transaction that changed recorded evidence: the row before and after,
 * and why.
 */
public record EvidenceChanged(String partNumber, EvidenceKind kind, long id, EvidenceRow before, EvidenceRow after,
		String reason, String changedBy) {
}
