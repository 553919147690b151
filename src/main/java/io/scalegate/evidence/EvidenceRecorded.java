package io.scalegate.evidence;

import java.util.List;

/** Published in the transaction that recorded or edited evidence of one product (one event per product and kind). */
public record EvidenceRecorded(String partNumber, EvidenceKind kind, List<Long> ids, String recordedBy, boolean edited) {
}
