package io.scalegate.evidence;

import java.time.Instant;
import java.time.LocalDate;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** One piece of customer feedback on the product. */
@Table("customer_feedback")
public record CustomerFeedback(@Id Long id, long productId, LocalDate receivedOn, String customer,
		FeedbackRating rating, String summary, String recordedBy, Instant recordedAt) implements EvidenceRow {
}
