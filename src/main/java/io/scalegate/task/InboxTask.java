package io.scalegate.task;

import java.time.Instant;

/**
 * One open task as the inbox shows it.
 *
 * @param actingFor the absent person the user stands in for on this task (their user id),
 * or null
 * @param actingForName that person's printed name, or null
 */
public record InboxTask(String id, String name, String taskKey, String processInstanceId, String partNumber,
		String productName, String stage, Instant created, Instant due, String assignee, int priority, boolean overdue,
		String actingFor, String actingForName) {

	/** Whether the user sees this task as a deputy for its absent assignee. */
	public boolean forAbsent() {
		return actingFor != null;
	}

}
