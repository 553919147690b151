package io.scalegate.evidence;

import java.time.Instant;

/**
 * What every stored piece of evidence has: its id, its product, who recorded it and when.
 */
public interface EvidenceRow {

	Long id();

	long productId();

	String recordedBy();

	Instant recordedAt();

}
