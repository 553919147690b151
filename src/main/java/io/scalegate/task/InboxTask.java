package io.scalegate.task;

import java.time.Instant;

/** One open task as the inbox shows it. */
public record InboxTask(String id, String name, String taskKey, String processInstanceId, String partNumber,
		String productName, String stage, Instant created, Instant due, String assignee, int priority,
		boolean overdue) {
}
