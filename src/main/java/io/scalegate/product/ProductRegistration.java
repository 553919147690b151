package io.scalegate.product;

/** What a person or a system gives to register a product. */
public record ProductRegistration(String partNumber, String name, String customer, String revision, String owner,
		boolean unitCostReductionPriority, boolean needsSupplyCoordination) {
}
