package io.scalegate.model;

import io.scalegate.model.change.GovernedDeployment;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys the models of the top-level {@code bpmn/} and {@code forms/} folders (copied
 * onto the classpath by the pom) as one deployment with stable resource names, so a
 * process's {@code formRefBinding="deployment"} finds its forms; nothing is deployed
 * unless a file changed, and then every file is deployed again together (so process,
 * decisions and forms of one version belong together), whether ScaleGate runs from the
 * project, the jar, or several nodes at once. Shipped models are reviewed in the
 * repository, so they need no second process owner's approval (a governed deployment). An
 * approved change deploys under another name, so a restart does not undo it.
 */
@Component
class ModelDeployment {

	static final String NAME = "scalegate-models";

	private static final Logger log = LoggerFactory.getLogger(ModelDeployment.class);

	private final RepositoryService repository;

	private final ResourcePatternResolver resources;

	ModelDeployment(RepositoryService repository, ResourcePatternResolver resources) {
		this.repository = repository;
		this.resources = resources;
	}

	/**
	 * On start, before the application is ready (and before demo data needs the models).
	 */
	@EventListener(ApplicationStartedEvent.class)
	@org.springframework.transaction.annotation.Transactional
	public void deploy() throws IOException {
		DeploymentBuilder deployment = repository.createDeployment()
			.name(NAME)
			.source("scalegate")
			.enableDuplicateFiltering(false);
		for (String folder : new String[] { "bpmn", "forms" }) {
			for (Resource resource : resources.getResources("classpath*:" + folder + "/*.*")) {
				try (InputStream in = resource.getInputStream()) {
					deployment.addInputStream(folder + "/" + resource.getFilename(),
							new ByteArrayInputStream(in.readAllBytes()));
				}
			}
		}
		List<String> before = repository.createDeploymentQuery()
			.deploymentName(NAME)
			.list()
			.stream()
			.map(Deployment::getId)
			.toList();
		DeploymentWithDefinitions result = GovernedDeployment.shipped(deployment::deployWithResult);
		if (!before.contains(result.getId())) {
			log.info("Models deployed from bpmn/ and forms/ as deployment {} ({})", NAME, result.getId());
		}
	}

}
