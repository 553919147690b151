package io.scalegate.gate.process;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.repository.ProcessDefinition;

/**
 * The model versions in force for an execution: its process definition and the decisions
 * of its deployment.
 */
final class ModelVersions {

	private ModelVersions() {
	}

	static Map<String, Object> of(DelegateExecution execution) {
		RepositoryService repository = execution.getProcessEngineServices().getRepositoryService();
		ProcessDefinition process = repository.getProcessDefinition(execution.getProcessDefinitionId());
		Map<String, Object> models = new LinkedHashMap<>();
		models.put("process", process.getKey() + ":" + process.getVersion());
		models.put("deploymentId", process.getDeploymentId());
		repository.createDecisionDefinitionQuery()
			.deploymentId(process.getDeploymentId())
			.list()
			.forEach(decision -> models.put(decision.getKey(), decision.getVersion()));
		return models;
	}

}
