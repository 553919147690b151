package io.scalegate.comment.ui;

import io.scalegate.audit.AuditSearch;
import io.scalegate.comment.CommentService;
import io.scalegate.security.UserAccount;
import org.springframework.stereotype.Component;

/**
 * Makes the comment components for a view, so that a view needs one collaborator and one
 * line: a task's thread, a product's activity.
 */
@Component
public class CommentThreads {

	private final CommentService comments;

	private final AuditSearch trail;

	CommentThreads(CommentService comments, AuditSearch trail) {
		this.comments = comments;
		this.trail = trail;
	}

	/** The comments on the task (open or completed), with the form for {@code user}. */
	public CommentThread forTask(String taskId, UserAccount user) {
		return new CommentThread(comments, user, comments.task(taskId).partNumber(), taskId);
	}

	/**
	 * The product's activity: its comments and trail interleaved, with the form for
	 * {@code user}.
	 */
	public ProductActivity activity(String partNumber, UserAccount user) {
		return new ProductActivity(comments, trail, user, partNumber);
	}

}
