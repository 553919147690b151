package io.scalegate.product;

import java.util.List;
import org.springframework.data.repository.ListCrudRepository;

/** Every product's stage history. */
interface StageChanges extends ListCrudRepository<StageChange, Long> {

	List<StageChange> findByProductIdOrderByChangedAtAscIdAsc(long productId);

}
