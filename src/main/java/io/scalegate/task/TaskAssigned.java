package io.scalegate.task;

/**
 * A task was claimed, given back or handed over: by whom, from whom, to whom (null:
 * nobody).
 */
public record TaskAssigned(String taskId, String taskName, String partNumber, Change change, String from, String to,
		String by) {

	public enum Change {

		CLAIMED, RELEASED, HANDED_OVER

	}

}
