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

	/**
	 * Whether a product in this stage still runs its lifecycle (prototype or small
	 * batch); mass production, one-stop scale planning and cancelled are its ends.
	 */
	public boolean running() {
		return this == PROTOTYPE || this == SMALL_BATCH;
	}

	/** The stages of a running lifecycle. */
	public static java.util.List<Stage> runningStages() {
		return java.util.Arrays.stream(values()).filter(Stage::running).toList();
	}

}
