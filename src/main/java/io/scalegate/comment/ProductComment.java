package io.scalegate.comment;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One stored comment (table {@code product_comment}, append-only): {@code mentions} are
 * the recognised user ids, separated by spaces.
 */
@Table("product_comment")
record ProductComment(@Id Long id, String partNumber, String taskId, String taskName, String author, String body,
		Instant createdAt, String mentions) {

}
