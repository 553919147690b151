package io.scalegate.evidence;

import io.scalegate.base.Checks;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One piece of customer feedback: when, from whom, how it rates the product in use, and
 * what was said.
 */
public record FeedbackEntry(LocalDate receivedOn, String customer, FeedbackRating rating,
		String summary) implements EvidenceEntry<CustomerFeedback> {

	@Override
	public EvidenceKind kind() {
		return EvidenceKind.FEEDBACK;
	}

	@Override
	public void check(Checks checks, LocalDate today) {
		checks.required("receivedOn", receivedOn);
		EvidenceEntry.notInFuture(checks, "receivedOn", receivedOn, today);
		checks.text("customer", customer, 200);
		checks.required("rating", rating);
		checks.optionalText("summary", summary, 2000);
	}

	@Override
	public CustomerFeedback toRow(Long id, long productId, String recordedBy, Instant recordedAt) {
		return new CustomerFeedback(id, productId, receivedOn, customer.strip(), rating,
				summary == null || summary.isBlank() ? null : summary.strip(), recordedBy, recordedAt);
	}

	public static FeedbackEntry of(CustomerFeedback feedback) {
		return new FeedbackEntry(feedback.receivedOn(), feedback.customer(), feedback.rating(), feedback.summary());
	}

}
