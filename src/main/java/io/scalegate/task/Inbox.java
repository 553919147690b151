package io.scalegate.task;

import io.scalegate.base.InvalidInput;
import io.scalegate.base.NotFound;
import io.scalegate.gate.ProductLifecycle;
import io.scalegate.product.Product;
import io.scalegate.product.ProductService;
import io.scalegate.security.Role;
import io.scalegate.security.ScaleGateStep;
import io.scalegate.security.UserAccount;
import io.scalegate.security.UserAccounts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The inbox over Camunda's task query, paged in the database so it stays quick with many
 * open tasks. Who sees what: your tasks, your groups' tasks, and for GATEKEEPER and ADMIN
 * every open task; a deputy also sees, among their own tasks, the tasks assigned to a
 * person they stand in for now whose candidate group is one of the deputy's roles
 * ({@link Deputies}), marked with that person's name.
 */
@Service
public class Inbox {

	/** Sort orders the task query supports. */
	public enum Sort {

		DUE, CREATED, PRIORITY, NAME, ASSIGNEE

	}

	private static final Set<Role> SEE_ALL = Set.of(Role.GATEKEEPER, Role.ADMIN);

	private final TaskService tasks;

	private final HistoryService history;

	private final RuntimeService runtime;

	private final ProductService products;

	private final UserAccounts accounts;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final Deputies deputies;

	Inbox(TaskService tasks, RuntimeService runtime, ProductService products, UserAccounts accounts, Clock clock,
			ApplicationEventPublisher events, Deputies deputies, HistoryService history) {
		this.history = history;
		this.events = events;
		this.deputies = deputies;
		this.tasks = tasks;
		this.runtime = runtime;
		this.products = products;
		this.accounts = accounts;
		this.clock = clock;
	}

	/**
	 * Tasks the process assigns to a named person rather than offering them to groups:
	 * the assignee may act on them whatever their roles.
	 */
	static final Set<String> TASKS_FOR_A_PERSON = Set.of(ProductLifecycle.CLOSE_GATE_CONDITION);

	public static boolean seesAll(Collection<Role> roles) {
		return roles.stream().anyMatch(SEE_ALL::contains);
	}

	public long count(UserAccount user, InboxFilter filter) {
		return query(user, filter).count();
	}

	public List<InboxTask> page(UserAccount user, InboxFilter filter, Sort sort, boolean ascending, int offset,
			int limit) {
		TaskQuery query = query(user, filter);
		switch (sort) {
			case DUE -> query.orderByDueDate();
			case CREATED -> query.orderByTaskCreateTime();
			case PRIORITY -> query.orderByTaskPriority();
			case NAME -> query.orderByTaskName();
			case ASSIGNEE -> query.orderByTaskAssignee();
		}
		if (ascending) {
			query.asc();
		}
		else {
			query.desc();
		}
		query.orderByTaskId().asc();
		return inboxTasks(user, query.listPage(offset, limit));
	}

	/** The open task, for its page; refused when the user may not see it. */
	public InboxTask get(UserAccount user, String taskId) {
		Task task = open(taskId);
		if (!seesAll(user.roles()) && !user.username().equals(task.getAssignee())) {
			requireCandidate(user, task);
		}
		return inboxTasks(user, List.of(task)).get(0);
	}

	private List<InboxTask> inboxTasks(UserAccount user, List<Task> page) {
		Map<String, String> absent = deputies.absentNow(user.username());
		Map<String, String> partNumbers = partNumbers(page);
		Map<String, Product> productsByPartNumber = products.findAll(Set.copyOf(partNumbers.values()))
			.stream()
			.collect(Collectors.toMap(Product::partNumber, Function.identity()));
		Instant now = clock.instant();
		return page.stream().map(task -> {
			String partNumber = partNumbers.get(task.getProcessInstanceId());
			Product product = productsByPartNumber.get(partNumber);
			Instant due = task.getDueDate() == null ? null : task.getDueDate().toInstant();
			String actingFor = absent.containsKey(task.getAssignee()) && isCandidate(user, task) ? task.getAssignee()
					: null;
			return new InboxTask(task.getId(), task.getName(), task.getTaskDefinitionKey(), task.getProcessInstanceId(),
					partNumber, product == null ? null : product.name(),
					product == null ? null : product.stage().label(), task.getCreateTime().toInstant(), due,
					task.getAssignee(), task.getPriority(), due != null && due.isBefore(now), actingFor,
					actingFor == null ? null : absent.get(actingFor));
		}).toList();
	}

	@Transactional
	public void claim(UserAccount user, String taskId) {
		Task task = open(taskId);
		if (task.getAssignee() != null) {
			throw new TaskGone("already claimed by " + task.getAssignee());
		}
		requireCandidate(user, task);
		ScaleGateStep.run(() -> tasks.claim(taskId, user.username()));
		assigned(task, TaskAssigned.Change.CLAIMED, null, user.username(), user);
	}

	@Transactional
	public void unclaim(UserAccount user, String taskId) {
		Task task = open(taskId);
		if (!user.username().equals(task.getAssignee()) && !seesAll(user.roles())) {
			throw new InvalidInput("task", "only " + task.getAssignee() + " may give this task back");
		}
		if (tasks.getIdentityLinksForTask(taskId)
			.stream()
			.noneMatch(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)) {
			// e.g. a condition of a Go with conditions: the process names its owner
			throw new InvalidInput("task", "this task is its owner's, named by the process, and no group could take it"
					+ " back: " + task.getAssignee() + " keeps it");
		}
		ScaleGateStep.run(() -> tasks.setAssignee(taskId, null));
		assigned(task, TaskAssigned.Change.RELEASED, task.getAssignee(), null, user);
	}

	/** Hands the task to a colleague who holds one of its candidate groups. */
	@Transactional
	public void handOver(UserAccount user, String taskId, String colleague) {
		Task task = open(taskId);
		if (task.getAssignee() != null && !user.username().equals(task.getAssignee()) && !seesAll(user.roles())) {
			throw new InvalidInput("task", "only " + task.getAssignee() + " may hand this task over");
		}
		if (colleagues(taskId).stream().noneMatch(c -> c.username().equals(colleague))) {
			throw new InvalidInput("colleague", colleague + " does not hold a role this task is for");
		}
		ScaleGateStep.run(() -> tasks.setAssignee(taskId, colleague));
		assigned(task, TaskAssigned.Change.HANDED_OVER, task.getAssignee(), colleague, user);
	}

	private void assigned(Task task, TaskAssigned.Change change, String from, String to, UserAccount by) {
		String partNumber = runtime.createProcessInstanceQuery()
			.processInstanceId(task.getProcessInstanceId())
			.singleResult()
			.getBusinessKey();
		events
			.publishEvent(new TaskAssigned(task.getId(), task.getName(), partNumber, change, from, to, by.username()));
	}

	/** The people who hold one of the task's candidate groups. */
	public List<UserAccount> colleagues(String taskId) {
		Set<String> groups = candidateGroups(taskId);
		return accounts.all()
			.stream()
			.filter(UserAccount::enabled)
			.filter(account -> account.roles().stream().anyMatch(role -> groups.contains(role.name())))
			.toList();
	}

	/** The roles (candidate groups) the task is for, in their declared order. */
	public List<Role> rolesOf(String taskId) {
		Set<String> groups = candidateGroups(taskId);
		return java.util.Arrays.stream(Role.values()).filter(role -> groups.contains(role.name())).toList();
	}

	private Set<String> candidateGroups(String taskId) {
		return tasks.getIdentityLinksForTask(taskId)
			.stream()
			.filter(link -> "candidate".equals(link.getType()) && link.getGroupId() != null)
			.map(IdentityLink::getGroupId)
			.collect(Collectors.toSet());
	}

	/** Refuses a user none of whose roles is a candidate group of the task. */
	void requireCandidate(UserAccount user, Task task) {
		if (!isCandidate(user, task)) {
			throw new InvalidInput("task", "this task is for " + String.join(", ", candidateGroups(task.getId())));
		}
	}

	private boolean isCandidate(UserAccount user, Task task) {
		if (user.username().equals(task.getAssignee()) && TASKS_FOR_A_PERSON.contains(task.getTaskDefinitionKey())) {
			// the process assigned it to this person (a gate condition's owner), whatever
			// their roles
			return true;
		}
		Set<String> groups = candidateGroups(task.getId());
		return user.roles().stream().anyMatch(role -> groups.contains(role.name()));
	}

	/**
	 * Whether the id names a task, open or completed (false: a mistyped or made-up link).
	 */
	public boolean existed(String taskId) {
		return tasks.createTaskQuery().taskId(taskId).count() > 0
				|| history.createHistoricTaskInstanceQuery().taskId(taskId).count() > 0;
	}

	private Task open(String taskId) {
		Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
		if (task == null) {
			if (history.createHistoricTaskInstanceQuery().taskId(taskId).count() == 0) {
				throw new NotFound("task", "task", "there is no task " + taskId + "; the link may be mistyped");
			}
			throw new TaskGone("this task was completed or withdrawn meanwhile");
		}
		return task;
	}

	private TaskQuery query(UserAccount user, InboxFilter filter) {
		TaskQuery query = tasks.createTaskQuery().processDefinitionKey(ProductLifecycle.PROCESS_KEY).active();
		List<String> roles = user.roles().stream().map(Role::name).toList();
		List<String> groups = roles.isEmpty() ? List.of("-") : roles;
		List<String> absent = List.copyOf(deputies.absentNow(user.username()).keySet());
		switch (filter.scope()) {
			case MINE -> {
				if (absent.isEmpty()) {
					query.taskAssignee(user.username());
				}
				else {
					// mine, or (an absent person's and one of my groups')
					query.or()
						.taskAssignee(user.username())
						.taskAssigneeIn(absent.toArray(String[]::new))
						.endOr()
						.or()
						.taskAssignee(user.username())
						.taskCandidateGroupIn(groups)
						.includeAssignedTasks()
						.endOr();
				}
			}
			case MY_GROUPS -> query.taskCandidateGroupIn(groups).includeAssignedTasks();
			case ALL -> {
				if (seesAll(user.roles())) {
					break;
				}
				if (absent.isEmpty()) {
					query.or().taskAssignee(user.username()).taskCandidateGroupIn(groups).endOr();
				}
				else {
					// mine, or (one of my groups' and (unassigned or an absent person's))
					query.or()
						.taskAssignee(user.username())
						.taskCandidateGroupIn(groups)
						.includeAssignedTasks()
						.endOr()
						.or()
						.taskAssignee(user.username())
						.taskUnassigned()
						.taskAssigneeIn(absent.toArray(String[]::new))
						.endOr();
				}
			}
		}
		if (filter.taskKey() != null) {
			query.taskDefinitionKey(filter.taskKey());
		}
		if (filter.product() != null && !filter.product().isBlank()) {
			query.processInstanceBusinessKeyLike("%" + filter.product().strip().toUpperCase().replace("%", "") + "%");
		}
		Instant now = clock.instant();
		switch (filter.due()) {
			case OVERDUE -> query.dueBefore(Date.from(now));
			case THIS_WEEK -> query.dueBefore(Date.from(now.plus(Duration.ofDays(7))));
			case ANY -> {
			}
		}
		return query;
	}

	private Map<String, String> partNumbers(List<Task> page) {
		Set<String> ids = page.stream().map(Task::getProcessInstanceId).collect(Collectors.toSet());
		if (ids.isEmpty()) {
			return Map.of();
		}
		return runtime.createProcessInstanceQuery()
			.processInstanceIds(ids)
			.listPage(0, ids.size())
			.stream()
			.collect(Collectors.toMap(ProcessInstance::getId, ProcessInstance::getBusinessKey));
	}

}
