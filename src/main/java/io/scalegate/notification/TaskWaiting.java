package io.scalegate.notification;

import java.time.Instant;
import java.util.Set;

/**
 * A user task now waits for someone: created for people or groups, or assigned; copied
 * from the engine's task inside its transaction (the engine's object is stale after it),
 * told after the commit.
 *
 * @param actor who assigned it, when it was an assignment (a person claiming a task for
 * themselves is not told)
 */
record TaskWaiting(String taskId, String taskKey, String taskName, String partNumber, String assignee,
		Set<String> candidateUsers, Set<String> candidateGroups, Instant due, String actor) {
}
