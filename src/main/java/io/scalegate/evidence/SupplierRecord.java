package io.scalegate.evidence;

import java.util.Comparator;
import java.util.List;

/**
 * The supplier's small-batch record, over delivered batches in delivery order:
 * consecutive conforming batches counted back from the latest, the share delivered on or
 * before the promised date, and the first-pass yield (quantity in batches that passed
 * dimensions, finish and inspection / all quantity). Rates are {@code null} while nothing
 * has been delivered.
 */
record SupplierRecord(int deliveredBatches, int consecutiveConforming, Double onTimeRate, Double firstPassYield) {

	static SupplierRecord of(List<SmallBatch> batches) {
		List<SmallBatch> delivered = batches.stream()
			.filter(SmallBatch::delivered)
			.sorted(Comparator.comparing(SmallBatch::deliveredOn)
				.thenComparing(SmallBatch::promisedOn)
				.thenComparing(b -> b.id() == null ? Long.MAX_VALUE : b.id()))
			.toList();
		if (delivered.isEmpty()) {
			return new SupplierRecord(0, 0, null, null);
		}
		int consecutive = 0;
		for (int i = delivered.size() - 1; i >= 0 && delivered.get(i).conforming(); i--) {
			consecutive++;
		}
		long onTime = delivered.stream().filter(SmallBatch::onTime).count();
		long quantity = delivered.stream().mapToLong(SmallBatch::quantity).sum();
		long conformingQuantity = delivered.stream()
			.filter(SmallBatch::conforming)
			.mapToLong(SmallBatch::quantity)
			.sum();
		return new SupplierRecord(delivered.size(), consecutive, (double) onTime / delivered.size(),
				(double) conformingQuantity / quantity);
	}

}
