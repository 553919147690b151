package io.scalegate.evidence;

import java.util.List;
import org.springframework.data.repository.ListCrudRepository;

/** Every recorded {@link CapabilityStudy}. */
interface CapabilityStudies extends ListCrudRepository<CapabilityStudy, Long> {

	List<CapabilityStudy> findByProductIdOrderByStudiedOnAscIdAsc(long productId);

}
