package io.scalegate.evidence;

import java.util.List;
import org.springframework.data.repository.ListCrudRepository;

/** Every recorded {@link CostEstimate}. */
interface CostEstimates extends ListCrudRepository<CostEstimate, Long> {

	List<CostEstimate> findByProductIdOrderByEstimatedOnAscIdAsc(long productId);

}
