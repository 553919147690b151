package io.scalegate.product;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One step of a product's way through the stages; {@code fromStage} is null for its
 * registration.
 */
@Table("stage_change")
public record StageChange(@Id Long id, long productId, Stage fromStage, Stage toStage, Instant changedAt) {
}
