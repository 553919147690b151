package io.scalegate.evidence;

import java.time.Instant;
import java.time.LocalDate;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One small batch delivered by the supplier, with its three checks and its delivery
 * timing.
 */
@Table("small_batch")
public record SmallBatch(@Id Long id, long productId, String batchNumber, int quantity, Result dimensionalResult,
		Result finishResult, Result inspectionResult, LocalDate promisedOn, LocalDate deliveredOn, String recordedBy,
		Instant recordedAt) implements EvidenceRow {

	/** Dimensions, finish and inspection all passed. */
	public boolean conforming() {
		return dimensionalResult == Result.PASS && finishResult == Result.PASS && inspectionResult == Result.PASS;
	}

	public boolean delivered() {
		return deliveredOn != null;
	}

	public boolean onTime() {
		return delivered() && !deliveredOn.isAfter(promisedOn);
	}

}
