package io.scalegate.evidence;

import io.scalegate.base.Checks;
import java.time.Instant;

/**
 * What a person or a system gives to record one piece of evidence;
 * {@link EvidenceRecorder} checks it and turns it into the stored row.
 *
 * @param <T> the stored row
 */
public sealed interface EvidenceEntry<T extends EvidenceRow>
		permits SmallBatchEntry, OrderEntry, FeedbackEntry, CostEstimateEntry, DesignChangeEntry, CapabilityStudyEntry {

	EvidenceKind kind();

	/**
	 * Adds a problem for each wrong field; {@code today} bounds dates that cannot lie in
	 * the future.
	 */
	void check(Checks checks, java.time.LocalDate today);

	/**
	 * The value of the kind's unique field (batch or change number), or null where there
	 * is none.
	 */
	default String uniqueValue() {
		return null;
	}

	T toRow(Long id, long productId, String recordedBy, Instant recordedAt);

	/** The first date evidence may carry. */
	java.time.LocalDate EARLIEST = java.time.LocalDate.of(1900, 1, 1);

	/** The last date evidence may carry (a promised delivery, say). */
	java.time.LocalDate LATEST = java.time.LocalDate.of(9999, 12, 31);

	static void notInFuture(Checks checks, String field, java.time.LocalDate date, java.time.LocalDate today) {
		if (date != null && date.isAfter(today)) {
			checks.fail(field, "must not be in the future");
		}
		sensible(checks, field, date);
	}

	/** A date from {@link #EARLIEST} to {@link #LATEST}, or none. */
	static void sensible(Checks checks, String field, java.time.LocalDate date) {
		if (date != null && (date.isBefore(EARLIEST) || date.isAfter(LATEST))) {
			checks.fail(field, "must be from " + EARLIEST + " to " + LATEST);
		}
	}

}
