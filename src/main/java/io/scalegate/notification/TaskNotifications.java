package io.scalegate.notification;

import io.scalegate.base.ActingUser;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * A task for me or my group ({@link NotificationKind#TASK_FOR_ME}), and a condition of
 * mine ({@link NotificationKind#CONDITION_MINE}: the task {@value #CONDITION_TASK_KEY}).
 * The Camunda starter publishes every task event as a Spring event ({@code DelegateTask},
 * {@code camunda.bpm.eventing.task}, on by default); this copies what it needs inside the
 * engine's transaction and records the notifications after it committed, so a rolled back
 * task tells nobody and a failing notification undoes nothing.
 */
@Component
class TaskNotifications {

	/** The task of a condition of a Go with conditions (the lifecycle's contract). */
	static final String CONDITION_TASK_KEY = "closeGateCondition";

	private static final Logger log = LoggerFactory.getLogger(TaskNotifications.class);

	private final ApplicationEventPublisher events;

	private final Recipients recipients;

	private final Notifications notifications;

	private final ActingUser actingUser;

	TaskNotifications(ApplicationEventPublisher events, Recipients recipients, Notifications notifications,
			ActingUser actingUser) {
		this.actingUser = actingUser;
		this.events = events;
		this.recipients = recipients;
		this.notifications = notifications;
	}

	@EventListener
	void on(DelegateTask task) {
		if (!TaskListener.EVENTNAME_CREATE.equals(task.getEventName())
				&& !TaskListener.EVENTNAME_ASSIGNMENT.equals(task.getEventName())) {
			return;
		}
		try {
			Set<String> users = new LinkedHashSet<>();
			Set<String> groups = new LinkedHashSet<>();
			if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName()) && task.getAssignee() == null) {
				for (IdentityLink link : task.getCandidates()) {
					if (IdentityLinkType.CANDIDATE.equals(link.getType())) {
						if (link.getUserId() != null) {
							users.add(link.getUserId());
						}
						if (link.getGroupId() != null) {
							groups.add(link.getGroupId());
						}
					}
				}
			}
			// a condition's task is named by its condition
			Object conditionText = CONDITION_TASK_KEY.equals(task.getTaskDefinitionKey())
					? task.getVariable(io.scalegate.gate.ProductLifecycle.CONDITION_TEXT.name()) : null;
			String name = conditionText == null ? task.getName() : task.getName() + ": " + conditionText;
			events.publishEvent(new TaskWaiting(task.getId(), task.getTaskDefinitionKey(), name,
					task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey(),
					task.getAssignee(), users, groups, task.getDueDate() == null ? null : task.getDueDate().toInstant(),
					TaskListener.EVENTNAME_ASSIGNMENT.equals(task.getEventName()) ? actingUser.current() : null));
		}
		catch (RuntimeException failed) {
			// a notification never stands in the way of the task
			log.warn("task {} not notified: {}", task.getId(), failed.toString());
		}
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
	void on(TaskWaiting task) {
		try {
			notifications.recordAllAfterCommit(requests(task));
		}
		catch (RuntimeException failed) {
			log.warn("task {} not notified: {}", task.taskId(), failed.toString());
		}
	}

	List<NotificationRequest> requests(TaskWaiting task) {
		Set<String> people = task.assignee() != null ? recipients.of(Set.of(task.assignee()), Set.of())
				: recipients.of(task.candidateUsers(), task.candidateGroups());
		if (task.actor() != null) {
			// who claims or takes a task for themselves needs no message about it
			people.remove(task.actor());
		}
		boolean condition = CONDITION_TASK_KEY.equals(task.taskKey());
		List<NotificationRequest> requests = new ArrayList<>();
		for (String person : people) {
			String whose = task.assignee() != null ? "you"
					: task.candidateUsers().contains(person) ? "you"
							: "your group " + task.candidateGroups()
								.stream()
								.map(io.scalegate.security.Role::words)
								.collect(java.util.stream.Collectors.joining(", "));
			String text = "\"" + task.taskName() + "\"" + (task.partNumber() == null ? "" : " of " + task.partNumber())
					+ " waits for " + whose + "."
					+ (task.due() == null ? "" : " Due " + task.due().atOffset(ZoneOffset.UTC).toLocalDate() + ".");
			requests.add(new NotificationRequest(person,
					condition ? NotificationKind.CONDITION_MINE : NotificationKind.TASK_FOR_ME,
					(condition ? "Condition" : "Task") + ": " + task.taskName()
							+ (task.partNumber() == null ? "" : " · " + task.partNumber()),
					text, "/tasks/" + task.taskId(), task.partNumber(), task.taskId(),
					// assigned (at creation or handed over later) is news even to a group
					// member told
					// before; created with an assignee fires both events: one key for
					// both
					"task:" + task.taskId() + (task.assignee() != null ? ":assigned:" : ":") + person));
		}
		return requests;
	}

	static String date(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC).toLocalDate().toString();
	}

}
