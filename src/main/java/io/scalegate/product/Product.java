package io.scalegate.product;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A manufactured part or product, identified by its part number (the lifecycle's business
 * key). {@code unitCostReductionPriority} and {@code needsSupplyCoordination} are the
 * business's own judgements that the gate reads beside the recorded evidence. The gate
 * fields hold the latest readiness verdict (null until the gate rules were first
 * evaluated for it): the recommendation, the unmet conditions, the version of the gate
 * rules that judged and the gate inputs they judged (JSON, the contract's names).
 */
@Table("product")
public record Product(@Id Long id, String partNumber, String name, String customer, String revision, Stage stage,
		String owner, boolean unitCostReductionPriority, boolean needsSupplyCoordination, Instant registeredAt,
		String gateRecommendation, String gateBlockers, Instant readinessEvaluatedAt, Integer gateRulesVersion,
		String gateInputs, @Version Integer version) {

	/**
	 * The latest verdict's unmet conditions (gateReasons output), empty when none or
	 * never evaluated.
	 */
	public List<String> blockers() {
		return gateBlockers == null ? List.of()
				: Arrays.stream(gateBlockers.split(",")).filter(reason -> !reason.isEmpty()).toList();
	}

	Product withStage(Stage newStage) {
		return new Product(id, partNumber, name, customer, revision, newStage, owner, unitCostReductionPriority,
				needsSupplyCoordination, registeredAt, gateRecommendation, gateBlockers, readinessEvaluatedAt,
				gateRulesVersion, gateInputs, version);
	}

	Product withReadiness(String recommendation, List<String> reasons, int rulesVersion, String inputs,
			Instant evaluatedAt) {
		String blockers = reasons.isEmpty() ? "," : "," + String.join(",", reasons) + ",";
		return new Product(id, partNumber, name, customer, revision, stage, owner, unitCostReductionPriority,
				needsSupplyCoordination, registeredAt, recommendation, blockers, evaluatedAt, rulesVersion, inputs,
				version);
	}

}
