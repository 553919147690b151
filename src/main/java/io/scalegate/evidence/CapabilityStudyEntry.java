package io.scalegate.evidence;

import io.scalegate.base.Checks;
import io.scalegate.base.DecimalRange;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A process capability study of one characteristic; one specification limit may be open.
 */
public record CapabilityStudyEntry(String characteristic, LocalDate studiedOn, BigDecimal lowerSpecLimit,
		BigDecimal upperSpecLimit, BigDecimal mean, BigDecimal standardDeviation,
		Integer sampleSize) implements EvidenceEntry<CapabilityStudy> {

	/** {@code numeric(18, 6)}: limits and mean. */
	static final DecimalRange MEASURE = DecimalRange.column(18, 6);

	/**
	 * {@code numeric(18, 6)} above zero: the smallest it keeps is 0.000001 (less would
	 * round to 0).
	 */
	static final DecimalRange STANDARD_DEVIATION = MEASURE.from("0.000001");

	@Override
	public EvidenceKind kind() {
		return EvidenceKind.CAPABILITY_STUDY;
	}

	@Override
	public void check(Checks checks, LocalDate today) {
		checks.text("characteristic", characteristic, 200);
		checks.required("studiedOn", studiedOn);
		EvidenceEntry.notInFuture(checks, "studiedOn", studiedOn, today);
		checks.that(lowerSpecLimit != null || upperSpecLimit != null, "upperSpecLimit",
				"give at least one specification limit");
		checks.optionalDecimal("lowerSpecLimit", lowerSpecLimit, MEASURE);
		checks.optionalDecimal("upperSpecLimit", upperSpecLimit, MEASURE);
		checks.that(lowerSpecLimit == null || upperSpecLimit == null || lowerSpecLimit.compareTo(upperSpecLimit) < 0,
				"upperSpecLimit", "must be above the lower specification limit");
		checks.decimal("mean", mean, MEASURE);
		checks.decimal("standardDeviation", standardDeviation, STANDARD_DEVIATION);
		checks.atLeast("sampleSize", sampleSize, 2);
	}

	@Override
	public CapabilityStudy toRow(Long id, long productId, String recordedBy, Instant recordedAt) {
		return new CapabilityStudy(id, productId, characteristic.strip(), studiedOn, lowerSpecLimit, upperSpecLimit,
				mean, standardDeviation, sampleSize, recordedBy, recordedAt);
	}

	public static CapabilityStudyEntry of(CapabilityStudy study) {
		return new CapabilityStudyEntry(study.characteristic(), study.studiedOn(), study.lowerSpecLimit(),
				study.upperSpecLimit(), study.mean(), study.standardDeviation(), study.sampleSize());
	}

}
