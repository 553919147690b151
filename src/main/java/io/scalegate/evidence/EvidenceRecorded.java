package io.scalegate.evidence;

import java.util.List;

/**
 * Published in the transaction that recorded new evidence of one product (one event per
 * product and kind).
 */
public record EvidenceRecorded(String partNumber, EvidenceKind kind, List<EvidenceRow> rows, String recordedBy) {
}
