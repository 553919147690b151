package io.scalegate.comment;

import java.util.List;
import java.util.Optional;
import org.springframework.data.repository.Repository;

/**
 * The comments: added and read, never changed or deleted (a correction is a new comment),
 * so this repository offers no update or delete.
 */
interface ProductComments extends Repository<ProductComment, Long> {

	ProductComment save(ProductComment comment);

	Optional<ProductComment> findById(Long id);

	List<ProductComment> findTop500ByPartNumberOrderByCreatedAtDescIdDesc(String partNumber);

	List<ProductComment> findTop500ByTaskIdOrderByCreatedAtDescIdDesc(String taskId);

}
