package io.scalegate.task;

import io.scalegate.base.InvalidInput;

/**
 * The task was completed, taken or withdrawn by someone else meanwhile; nothing was
 * saved.
 */
public class TaskGone extends InvalidInput {

	public TaskGone(String message) {
		super("task", message);
	}

}
