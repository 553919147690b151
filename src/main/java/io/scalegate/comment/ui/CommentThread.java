package io.scalegate.comment.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.scalegate.comment.Comment;
import io.scalegate.comment.CommentService;
import io.scalegate.security.UserAccount;
import java.util.List;

/**
 * The comments on one task (or, without a task, on a product), newest first, with the
 * form to write one. Reusable: {@link CommentThreads} makes it for a view.
 */
public class CommentThread extends VerticalLayout {

	private final CommentService comments;

	private final String partNumber;

	private final String taskId;

	private final Div list = new Div();

	/**
	 * @param taskId the task, or null for the product's own comments (and its tasks')
	 */
	CommentThread(CommentService comments, UserAccount user, String partNumber, String taskId) {
		this.comments = comments;
		this.partNumber = partNumber;
		this.taskId = taskId;
		setPadding(false);
		addClassName("comment-thread");
		setId("comment-thread");
		list.setId("comment-list");
		list.setWidthFull();
		add(new H3("Comments"),
				new CommentComposer(comments, user,
						body -> taskId == null ? comments.postOnProduct(partNumber, body, user.username(), user.roles())
								: comments.postOnTask(taskId, body, user.username(), user.roles()),
						posted -> refresh()),
				list);
		refresh();
	}

	void refresh() {
		list.removeAll();
		List<Comment> shown = taskId == null ? comments.ofProduct(partNumber) : comments.ofTask(taskId);
		if (shown.isEmpty()) {
			Paragraph none = new Paragraph("No comments yet.");
			none.setId("comment-none");
			none.getStyle().set("color", "var(--lumo-secondary-text-color)");
			list.add(none);
		}
		shown.forEach(comment -> list.add(CommentCards.of(comment, taskId == null)));
	}

}
