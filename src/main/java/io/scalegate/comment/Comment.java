package io.scalegate.comment;

import java.time.Instant;
import java.util.List;
import org.springframework.lang.Nullable;

/**
 * A comment as people and clients read it.
 *
 * @param taskId the lifecycle task it was written on, or null: on the product itself
 * @param taskName the task's name when it was written, or null
 * @param authorName the author's full name, or the user id when the account is gone
 * @param mentions the enabled users it mentioned when it was posted (those were notified,
 * but for the author)
 */
public record Comment(long id, String partNumber, @Nullable String taskId, @Nullable String taskName, String author,
		String authorName, String body, Instant createdAt, List<String> mentions) {

}
