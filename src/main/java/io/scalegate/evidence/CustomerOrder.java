package io.scalegate.evidence;

import java.time.Instant;
import java.time.LocalDate;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * Quantity a customer ordered in one month ({@code orderMonth} is the first day of that
 * month).
 */
@Table("customer_order")
public record CustomerOrder(@Id Long id, long productId, LocalDate orderMonth, int quantity, String customer,
		String recordedBy, Instant recordedAt) implements EvidenceRow {
}
