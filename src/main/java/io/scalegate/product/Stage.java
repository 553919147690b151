package io.scalegate.product;

/**
 * Where a product stands in its lifecycle; the process variable {@code stage} holds the
 * same name.
 */
public enum Stage {

	PROTOTYPE("Prototype"), SMALL_BATCH("Small batch"), MASS_PRODUCTION("Mass production"),
	ONE_STOP_SCALE_PLANNING("One-stop scale planning"), CANCELLED("Cancelled");

	private final String label;

	Stage(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
