package io.scalegate.model;

import io.scalegate.audit.AuditEntry;
import io.scalegate.audit.AuditQuery;
import io.scalegate.audit.AuditSearch;
import io.scalegate.base.AuditAction;
import io.scalegate.base.AuditSubject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Service;

/**
 * What is deployed: every process, decision and form with its versions, when and by whom
 * each was deployed (from the audit trail), how many products run on each process
 * version, and its source.
 */
@Service
public class DeployedModels {

	private static final int LIMIT = 2000;

	private final RepositoryService repository;

	private final RuntimeService runtime;

	private final AuditSearch audit;

	DeployedModels(RepositoryService repository, RuntimeService runtime, AuditSearch audit) {
		this.repository = repository;
		this.runtime = runtime;
		this.audit = audit;
	}

	public List<DeployedModel> all() {
		Map<String, Deployment> deployments = new HashMap<>();
		repository.createDeploymentQuery().listPage(0, LIMIT).forEach(d -> deployments.put(d.getId(), d));
		List<DeployedModel> models = new ArrayList<>();
		for (ProcessDefinition process : repository.createProcessDefinitionQuery().listPage(0, LIMIT)) {
			models.add(new DeployedModel(Kind.PROCESS, process.getKey(), process.getName(), process.getVersion(),
					process.getId(), process.getResourceName(), process.getDeploymentId(),
					time(deployments.get(process.getDeploymentId())), deployer(process.getDeploymentId()),
					runtime.createProcessInstanceQuery().processDefinitionId(process.getId()).count()));
		}
		repository.createDecisionDefinitionQuery()
			.listPage(0, LIMIT)
			.forEach(decision -> models.add(new DeployedModel(Kind.DECISION, decision.getKey(), decision.getName(),
					decision.getVersion(), decision.getId(), decision.getResourceName(), decision.getDeploymentId(),
					time(deployments.get(decision.getDeploymentId())), deployer(decision.getDeploymentId()), null)));
		for (Deployment deployment : deployments.values()) {
			for (String resource : repository.getDeploymentResourceNames(deployment.getId())) {
				if (resource.endsWith(".form")) {
					models.add(new DeployedModel(Kind.FORM, resource.replaceAll("^.*/", "").replace(".form", ""),
							resource, 0, deployment.getId() + "/" + resource, resource, deployment.getId(),
							time(deployment), deployer(deployment.getId()), null));
				}
			}
		}
		models.sort(Comparator.comparing(DeployedModel::kind)
			.thenComparing(DeployedModel::key)
			.thenComparing(DeployedModel::deployedAt, Comparator.nullsFirst(Comparator.reverseOrder())));
		return models;
	}

	/** The file of a deployed model, as it was deployed. */
	public String source(DeployedModel model) {
		return resource(model.deploymentId(), model.resourceName()).orElseThrow();
	}

	/** A file of a deployment as text, if the deployment has it. */
	public Optional<String> resource(String deploymentId, String resourceName) {
		if (!repository.getDeploymentResourceNames(deploymentId).contains(resourceName)) {
			return Optional.empty();
		}
		return Optional.of(new String(bytes(deploymentId, resourceName), StandardCharsets.UTF_8));
	}

	/** Every file of a deployment by name. */
	public Map<String, byte[]> files(String deploymentId) {
		Map<String, byte[]> files = new LinkedHashMap<>();
		repository.getDeploymentResourceNames(deploymentId).forEach(name -> files.put(name, bytes(deploymentId, name)));
		return files;
	}

	private byte[] bytes(String deploymentId, String resourceName) {
		try (InputStream in = repository.getResourceAsStream(deploymentId, resourceName)) {
			return in.readAllBytes();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private String deployer(String deploymentId) {
		List<AuditEntry> entries = audit.page(new AuditQuery(null, Set.of(AuditAction.MODEL_DEPLOYED),
				AuditSubject.MODEL, deploymentId, null, null, null), 0, 1);
		return entries.isEmpty() ? "—" : entries.get(0).actor();
	}

	private static Instant time(Deployment deployment) {
		return deployment == null || deployment.getDeploymentTime() == null ? null
				: deployment.getDeploymentTime().toInstant();
	}

	public enum Kind {

		PROCESS, DECISION, FORM

	}

	/** One deployed version of a model; {@code runningProducts} only for processes. */
	public record DeployedModel(Kind kind, String key, String name, int version, String id, String resourceName,
			String deploymentId, Instant deployedAt, String deployedBy, Long runningProducts) {
	}

}
