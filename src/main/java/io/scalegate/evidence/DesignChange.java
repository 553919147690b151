package io.scalegate.evidence;

import java.time.Instant;
import java.time.LocalDate;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** A design change record (dimensions, holes, threads, finish, assembly details). */
@Table("design_change")
public record DesignChange(@Id Long id, long productId, String changeNumber, LocalDate changedOn, String description,
		String recordedBy, Instant recordedAt) implements EvidenceRow {
}
