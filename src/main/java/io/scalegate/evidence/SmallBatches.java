package io.scalegate.evidence;

import java.util.List;
import org.springframework.data.repository.ListCrudRepository;

/** Every recorded {@link SmallBatch}. */
interface SmallBatches extends ListCrudRepository<SmallBatch, Long> {

	List<SmallBatch> findByProductIdOrderByPromisedOnAscIdAsc(long productId);

}
