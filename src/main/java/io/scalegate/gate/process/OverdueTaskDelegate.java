package io.scalegate.gate.process;

import static io.scalegate.gate.ProductLifecycle.OVERDUE_TASK_KEY;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Escalates an overdue user task: its priority rises to the top so that every inbox shows
 * it first.
 */
@Component("escalateOverdueTask")
class OverdueTaskDelegate implements JavaDelegate {

	static final int ESCALATED_PRIORITY = 100;

	private final TaskService tasks;

	OverdueTaskDelegate(TaskService tasks) {
		this.tasks = tasks;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String taskKey = OVERDUE_TASK_KEY.fromLocal(execution);
		for (Task task : tasks.createTaskQuery()
			.processInstanceId(execution.getProcessInstanceId())
			.taskDefinitionKey(taskKey)
			.list()) {
			task.setPriority(ESCALATED_PRIORITY);
			tasks.saveTask(task);
		}
	}

}
