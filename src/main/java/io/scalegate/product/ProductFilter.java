package io.scalegate.product;

import java.util.Set;

/**
 * What the products list is narrowed to: free text in part number or name, stages,
 * customer and owner (exact), only those the gate would let through now, or only those
 * blocked by one gate reason. Empty or null parts do not narrow.
 */
public record ProductFilter(String text, Set<Stage> stages, String customer, String owner, boolean gateReady,
		String blockedBy) {

	public static final String READY = "GO_MASS_PRODUCTION";

	public static ProductFilter none() {
		return new ProductFilter(null, Set.of(), null, null, false, null);
	}

}
