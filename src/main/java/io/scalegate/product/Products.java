package io.scalegate.product;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.ListPagingAndSortingRepository;

/** All registered products. */
interface Products extends ListCrudRepository<Product, Long>, ListPagingAndSortingRepository<Product, Long> {

	Optional<Product> findByPartNumber(String partNumber);

	List<Product> findByPartNumberIn(Collection<String> partNumbers);

	boolean existsByPartNumber(String partNumber);

	List<Product> findByStageOrderByPartNumber(Stage stage);

	long countByStage(Stage stage);

}
