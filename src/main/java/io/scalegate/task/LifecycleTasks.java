package io.scalegate.task;

import io.scalegate.audit.ProductTasks;
import io.scalegate.product.PartNumber;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.springframework.stereotype.Component;

/**
 * The tasks of a product's lifecycles, open and done, from the engine's history: the
 * trail files signatures under them, and a search for the part number finds them.
 */
@Component
class LifecycleTasks implements ProductTasks {

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

}
