package io.scalegate.evidence;

import io.scalegate.base.Checks;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A small batch as recorded: its number, quantity, the three checks and the delivery
 * dates.
 */
public record SmallBatchEntry(String batchNumber, Integer quantity, Result dimensionalResult, Result finishResult,
		Result inspectionResult, LocalDate promisedOn, LocalDate deliveredOn) implements EvidenceEntry<SmallBatch> {

	@Override
	public EvidenceKind kind() {
		return EvidenceKind.SMALL_BATCH;
	}

	@Override
	public void check(Checks checks, LocalDate today) {
		checks.text("batchNumber", batchNumber, 64);
		checks.atLeast("quantity", quantity, 1);
		checks.required("dimensionalResult", dimensionalResult);
		checks.required("finishResult", finishResult);
		checks.required("inspectionResult", inspectionResult);
		checks.required("promisedOn", promisedOn);
		EvidenceEntry.sensible(checks, "promisedOn", promisedOn);
		EvidenceEntry.notInFuture(checks, "deliveredOn", deliveredOn, today);
	}

	@Override
	public String uniqueValue() {
		return batchNumber == null ? null : batchNumber.strip();
	}

	@Override
	public SmallBatch toRow(Long id, long productId, String recordedBy, Instant recordedAt) {
		return new SmallBatch(id, productId, batchNumber.strip(), quantity, dimensionalResult, finishResult,
				inspectionResult, promisedOn, deliveredOn, recordedBy, recordedAt);
	}

	public static SmallBatchEntry of(SmallBatch batch) {
		return new SmallBatchEntry(batch.batchNumber(), batch.quantity(), batch.dimensionalResult(),
				batch.finishResult(), batch.inspectionResult(), batch.promisedOn(), batch.deliveredOn());
	}

}
