package io.scalegate.evidence;

/** How a customer judged the product in real use. */
public enum FeedbackRating {

	POSITIVE, MIXED, NEGATIVE

}
