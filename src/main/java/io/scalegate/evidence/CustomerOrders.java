package io.scalegate.evidence;

import java.util.List;
import org.springframework.data.repository.ListCrudRepository;

/** Every recorded {@link CustomerOrder}. */
interface CustomerOrders extends ListCrudRepository<CustomerOrder, Long> {

	List<CustomerOrder> findByProductIdOrderByOrderMonthAscIdAsc(long productId);

}
