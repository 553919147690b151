package io.scalegate.evidence;

import java.time.LocalDate;
import java.util.List;

/**
 * Customer feedback in the window, counted by rating; the customerFeedbackSummary
 * decision reads it.
 */
public record FeedbackCounts(long positive, long mixed, long negative) {

	public static FeedbackCounts of(List<CustomerFeedback> feedback, LocalDate since) {
		List<CustomerFeedback> recent = feedback.stream().filter(f -> !f.receivedOn().isBefore(since)).toList();
		return new FeedbackCounts(count(recent, FeedbackRating.POSITIVE), count(recent, FeedbackRating.MIXED),
				count(recent, FeedbackRating.NEGATIVE));
	}

	private static long count(List<CustomerFeedback> feedback, FeedbackRating rating) {
		return feedback.stream().filter(f -> f.rating() == rating).count();
	}

}
