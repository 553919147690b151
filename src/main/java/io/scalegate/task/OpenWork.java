package io.scalegate.task;

import io.scalegate.security.Role;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

/**
 * Every open task now, for the portfolio's "where work waits": one task query paged
 * through (not one per product), the part numbers of a page in one process instance
 * query, and the overdue tasks of each role in one query per role.
 */
@Service
public class OpenWork {

	private static final int PAGE = 1000;

	private final TaskService tasks;

	private final RuntimeService runtime;

	OpenWork(TaskService tasks, RuntimeService runtime) {
		this.tasks = tasks;
		this.runtime = runtime;
	}

	/**
	 * An open task: its name (what the portfolio calls its type), the product it is for
	 * (null for a task of no product), since when it waits and when it is due.
	 */
	public record OpenTask(String taskId, String taskKey, String name, String partNumber, Instant created,
			Instant due) {
	}

	/** Every open task, oldest first. */
	public List<OpenTask> all() {
		List<OpenTask> open = new ArrayList<>();
		for (int first = 0;; first += PAGE) {
			List<Task> page = tasks.createTaskQuery()
				.active()
				.orderByTaskCreateTime()
				.asc()
				.orderByTaskId()
				.asc()
				.listPage(first, PAGE);
			Map<String, String> partNumbers = partNumbers(page);
			for (Task task : page) {
				open.add(new OpenTask(task.getId(), task.getTaskDefinitionKey(), task.getName(),
						partNumbers.get(task.getProcessInstanceId()), task.getCreateTime().toInstant(),
						task.getDueDate() == null ? null : task.getDueDate().toInstant()));
			}
			if (page.size() < PAGE) {
				return open;
			}
		}
	}

	/**
	 * The ids of the tasks due before {@code now}, by the role (candidate group) they
	 * wait for, claimed or not; a task for two roles counts for each. Every role is
	 * there, with none when nothing of it is overdue.
	 */
	public Map<Role, Set<String>> overdueByRole(Instant now) {
		Map<Role, Set<String>> overdue = new LinkedHashMap<>();
		for (Role role : Role.values()) {
			Set<String> ids = new java.util.LinkedHashSet<>();
			for (int first = 0;; first += PAGE) {
				List<Task> page = tasks.createTaskQuery()
					.active()
					.taskCandidateGroup(role.name())
					.includeAssignedTasks()
					.dueBefore(Date.from(now))
					.orderByTaskId()
					.asc()
					.listPage(first, PAGE);
				page.forEach(task -> ids.add(task.getId()));
				if (page.size() < PAGE) {
					break;
				}
			}
			overdue.put(role, ids);
		}
		return overdue;
	}

	private Map<String, String> partNumbers(List<Task> page) {
		Set<String> ids = page.stream()
			.map(Task::getProcessInstanceId)
			.filter(id -> id != null)
			.collect(Collectors.toSet());
		if (ids.isEmpty()) {
			return Map.of();
		}
		Map<String, String> keys = new HashMap<>();
		for (ProcessInstance instance : runtime.createProcessInstanceQuery()
			.processInstanceIds(ids)
			.listPage(0, ids.size())) {
			if (instance.getBusinessKey() != null) {
				keys.put(instance.getId(), instance.getBusinessKey());
			}
		}
		return keys;
	}

}
