package io.scalegate.product;

import java.util.List;

/**
 * The gate's reasons a product can be blocked by, in words, for the products list's
 * "blocked by" filter. The gate feature provides it, so products need not know the gate.
 */
public interface GateBlockers {

	/**
	 * Each reason's code (as stored in {@link Product#blockers()}) in the gate's order.
	 */
	List<String> codes();

	/** A reason in words. */
	String describe(String code);

}
