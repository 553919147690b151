package io.scalegate.task;

import io.scalegate.audit.ProductTasks;
import io.scalegate.comment.CommentTasks;
import io.scalegate.comment.CommentedTask;
import io.scalegate.gate.ProductLifecycle;
import io.scalegate.product.PartNumber;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.springframework.stereotype.Component;

/**
 * The tasks of a product's lifecycles, open and done, from the engine's history: the
 * trail files signatures under them, and a search for the part number finds them;
 * comments are written on them.
 */
@Component
class LifecycleTasks implements ProductTasks, CommentTasks {

	private final HistoryService history;

	LifecycleTasks(HistoryService history) {
		this.history = history;
	}

	@Override
	public List<String> taskIds(String partNumber, int limit) {
		if (!PartNumber.isValid(partNumber)) {
			return List.of();
		}
		return history.createHistoricTaskInstanceQuery()
			.processInstanceBusinessKey(partNumber)
			.listPage(0, limit)
			.stream()
			.map(HistoricTaskInstance::getId)
			.toList();
	}

	@Override
	public Optional<CommentedTask> find(String taskId) {
		if (taskId == null || taskId.isBlank() || taskId.length() > 64) {
			return Optional.empty();
		}
		HistoricTaskInstance task = history.createHistoricTaskInstanceQuery().taskId(taskId).singleResult();
		if (task == null || !ProductLifecycle.PROCESS_KEY.equals(task.getProcessDefinitionKey())) {
			return Optional.empty();
		}
		HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery()
			.processInstanceId(task.getProcessInstanceId())
			.singleResult();
		if (instance == null || instance.getBusinessKey() == null) {
			return Optional.empty();
		}
		return Optional.of(new CommentedTask(task.getId(), task.getName(), instance.getBusinessKey()));
	}

}
