package io.scalegate.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Due soon and overdue ({@link NotificationKind#TASK_DUE_SOON},
 * {@link NotificationKind#TASK_OVERDUE}): every node scans the open tasks by due date on
 * a schedule ({@link NotificationJobs}); the dedupe key (task, due date, person) makes
 * each told once whichever node finds it first. "Now" is the application's clock.
 */
@Component
class DueDateScan {

	private static final Logger log = LoggerFactory.getLogger(DueDateScan.class);

	static final int PAGE = 500;

	private final TaskService tasks;

	private final RuntimeService runtime;

	private final Recipients recipients;

	private final Notifications notifications;

	private final NotificationProperties properties;

	private final Clock clock;

	DueDateScan(TaskService tasks, RuntimeService runtime, Recipients recipients, Notifications notifications,
			NotificationProperties properties, Clock clock) {
		this.tasks = tasks;
		this.runtime = runtime;
		this.recipients = recipients;
		this.notifications = notifications;
		this.properties = properties;
		this.clock = clock;
	}

	/** Scans once; how many notifications it recorded. */
	int scan() {
		Instant now = clock.instant();
		int recorded = 0;
		Map<String, String> partNumbers = new HashMap<>();
		for (int first = 0;; first += PAGE) {
			List<Task> page = tasks.createTaskQuery()
				.active()
				.dueBefore(Date.from(now.plus(properties.dueSoon())))
				.orderByDueDate()
				.asc()
				.orderByTaskId()
				.asc()
				.listPage(first, PAGE);
			for (Task task : page) {
				try {
					recorded += notifications.recordAll(requests(task, now, partNumbers));
				}
				catch (RuntimeException failed) {
					log.warn("due date of task {} not notified: {}", task.getId(), failed.toString());
				}
			}
			if (page.size() < PAGE) {
				return recorded;
			}
		}
	}

	private List<NotificationRequest> requests(Task task, Instant now, Map<String, String> partNumbers) {
		Instant due = task.getDueDate().toInstant();
		boolean overdue = !due.isAfter(now);
		Set<String> users = new LinkedHashSet<>();
		Set<String> groups = new LinkedHashSet<>();
		if (task.getAssignee() != null) {
			users.add(task.getAssignee());
		}
		else {
			for (IdentityLink link : tasks.getIdentityLinksForTask(task.getId())) {
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
		String partNumber = task.getProcessInstanceId() == null ? null
				: partNumbers.computeIfAbsent(task.getProcessInstanceId(), this::businessKey);
		String product = partNumber == null ? "" : " · " + partNumber;
		List<NotificationRequest> requests = new ArrayList<>();
		for (String person : recipients.of(users, groups)) {
			requests.add(new NotificationRequest(person,
					overdue ? NotificationKind.TASK_OVERDUE : NotificationKind.TASK_DUE_SOON,
					(overdue ? "Overdue: " : "Due soon: ") + task.getName() + product,
					"\"" + task.getName() + "\"" + (partNumber == null ? "" : " of " + partNumber)
							+ (overdue ? " was due " : " is due ") + TaskNotifications.date(due) + " and is still open"
							+ (task.getAssignee() == null ? " for your group." : " with you."),
					"/tasks/" + task.getId(), partNumber, task.getId(),
					(overdue ? "overdue:" : "due-soon:") + task.getId() + ":" + due.toEpochMilli() + ":" + person));
		}
		return requests;
	}

	private String businessKey(String processInstanceId) {
		ProcessInstance instance = runtime.createProcessInstanceQuery()
			.processInstanceId(processInstanceId)
			.singleResult();
		return instance == null ? null : instance.getBusinessKey();
	}

}
