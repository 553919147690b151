package io.scalegate.history;

import static io.scalegate.gate.ProductLifecycle.PROCESS_KEY;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.stereotype.Service;

/**
 * The way a product's latest lifecycle took through its BPMN: the model it runs on, the
 * elements it passed, and where it waits now (for the diagram of the gate history).
 */
@Service
public class ProcessPath {

	private final HistoryService history;

	private final RepositoryService repository;

	ProcessPath(HistoryService history, RepositoryService repository) {
		this.history = history;
		this.repository = repository;
	}

	public Optional<Path> of(String partNumber) {
		List<HistoricProcessInstance> latest = history.createHistoricProcessInstanceQuery()
			.processDefinitionKey(PROCESS_KEY)
			.processInstanceBusinessKey(partNumber)
			.orderByProcessInstanceStartTime()
			.desc()
			.listPage(0, 1);
		if (latest.isEmpty()) {
			return Optional.empty();
		}
		HistoricProcessInstance instance = latest.get(0);
		Set<String> passed = new LinkedHashSet<>();
		Set<String> current = new LinkedHashSet<>();
		for (HistoricActivityInstance activity : history.createHistoricActivityInstanceQuery()
			.processInstanceId(instance.getId())
			.orderByHistoricActivityInstanceStartTime()
			.asc()
			.listPage(0, 2000)) {
			(activity.getEndTime() == null ? current : passed).add(activity.getActivityId());
		}
		passed.removeAll(current);
		try (InputStream model = repository.getProcessModel(instance.getProcessDefinitionId())) {
			return Optional.of(new Path(new String(model.readAllBytes(), StandardCharsets.UTF_8),
					PROCESS_KEY + ":" + instance.getProcessDefinitionVersion(), List.copyOf(passed),
					List.copyOf(current)));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The BPMN XML, its version, the element ids passed and those active now. */
	public record Path(String bpmnXml, String version, List<String> passed, List<String> current) {
	}

}
