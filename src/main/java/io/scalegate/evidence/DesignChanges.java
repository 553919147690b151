package io.scalegate.evidence;

import java.util.List;
import org.springframework.data.repository.ListCrudRepository;

/** Every recorded {@link DesignChange}. */
interface DesignChanges extends ListCrudRepository<DesignChange, Long> {

	List<DesignChange> findByProductIdOrderByChangedOnAscIdAsc(long productId);

}
