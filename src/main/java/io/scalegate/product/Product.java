package io.scalegate.product;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A manufactured part or product, identified by its part number (the lifecycle's business key).
 * {@code unitCostReductionPriority} and {@code needsSupplyCoordination} are the business's own
 * judgements that the gate reads beside the recorded evidence.
 */
@Table("product")
public record Product(@Id Long id, String partNumber, String name, String customer, String revision, Stage stage,
		String owner, boolean unitCostReductionPriority, boolean needsSupplyCoordination, Instant registeredAt,
		@Version Integer version) {

	Product withStage(Stage newStage) {
		return new Product(id, partNumber, name, customer, revision, newStage, owner, unitCostReductionPriority,
				needsSupplyCoordination, registeredAt, version);
	}

}
