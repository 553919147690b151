package io.scalegate.comment;

import java.util.Optional;

/**
 * Finds a product's lifecycle task, open or completed, for a comment on it. The feature
 * that knows the tasks implements it ({@code task}), so comments do not depend on the
 * task feature and the task view can show its thread.
 */
public interface CommentTasks {

	/** The task, if the id names a task of a product's lifecycle. */
	Optional<CommentedTask> find(String taskId);

}
