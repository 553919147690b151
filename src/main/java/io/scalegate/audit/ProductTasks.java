package io.scalegate.audit;

import java.util.List;

/**
 * The tasks of a product's lifecycles: their trail entries (signatures, assignments,
 * refusals) are filed under the task, and a search for the product finds them too. The
 * feature that knows the tasks implements it; the trail depends on no feature.
 */
public interface ProductTasks {

	/** The ids of every task of the product's lifecycles (at most {@code limit}). */
	List<String> taskIds(String partNumber, int limit);

}
