package io.scalegate.evidence;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Windows over which evidence is summarised. They are policy, documented in
 * docs/gate-rules.md; the thresholds applied to the summaries live in the decision
 * tables.
 *
 * @param demandWindowMonths months of order history counted for demand stability
 * @param feedbackWindowDays days of customer feedback counted
 * @param designChangeWindowDays days of design changes counted
 * ({@code designChangesLast90Days})
 */
@ConfigurationProperties("scalegate.evidence")
public record EvidenceProperties(int demandWindowMonths, int feedbackWindowDays, int designChangeWindowDays) {

	public EvidenceProperties {
		if (demandWindowMonths < 2 || feedbackWindowDays < 1 || designChangeWindowDays < 1) {
			throw new IllegalArgumentException(
					"scalegate.evidence windows must be positive (demand at least 2 months)");
		}
	}

}
