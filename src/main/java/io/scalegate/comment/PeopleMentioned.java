package io.scalegate.comment;

import java.util.List;

/**
 * People were mentioned in a comment just stored (published in its transaction; a
 * notification listener acts after commit). Never names the author, and only enabled
 * users.
 *
 * @param taskId the task the comment is on, or null: on the product
 * @param commentId the comment's id
 * @param excerpt the start of the comment, on one line (at most 140 characters)
 * @param link where the comment is read, relative to the application's root
 * ({@code tasks/<id>} or {@code products/<part number>})
 */
public record PeopleMentioned(List<String> userIds, String author, String partNumber, String taskId, String commentId,
		String excerpt, String link) {

}
