package io.scalegate.product;

import java.util.Collection;
import java.util.Set;

/**
 * What a feature above marks products with, for the products list (which knows none of
 * them): implemented by the conditions of a Go with conditions.
 */
public interface ProductMarks {

	/** Those of {@code partNumbers} that are conditional (an open gate condition). */
	Set<String> conditional(Collection<String> partNumbers);

}
