package io.scalegate.evidence;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A process capability study of one characteristic: specification limits (one may be
 * open), the measured mean and standard deviation, and the sample size.
 */
@Table("capability_study")
public record CapabilityStudy(@Id Long id, long productId, String characteristic, LocalDate studiedOn,
		BigDecimal lowerSpecLimit, BigDecimal upperSpecLimit, BigDecimal mean, BigDecimal standardDeviation,
		int sampleSize, String recordedBy, Instant recordedAt) implements EvidenceRow {

	/** Cpk = min(USL - mean, mean - LSL) / 3 sigma; an open limit does not count. */
	public double cpk() {
		double m = mean.doubleValue();
		double threeSigma = 3 * standardDeviation.doubleValue();
		double upper = upperSpecLimit == null ? Double.POSITIVE_INFINITY
				: (upperSpecLimit.doubleValue() - m) / threeSigma;
		double lower = lowerSpecLimit == null ? Double.POSITIVE_INFINITY
				: (m - lowerSpecLimit.doubleValue()) / threeSigma;
		return Math.min(upper, lower);
	}

}
