package io.scalegate.evidence;

import java.util.List;
import org.springframework.data.repository.ListCrudRepository;

/** Every recorded {@link CustomerFeedback}. */
interface CustomerFeedbacks extends ListCrudRepository<CustomerFeedback, Long> {

	List<CustomerFeedback> findByProductIdOrderByReceivedOnAscIdAsc(long productId);

}
