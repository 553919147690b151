package io.scalegate.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.scalegate.ScaleGateTest;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The models of bpmn/ and forms/ are deployed together, under stable names, and only when
 * they change.
 */
@ScaleGateTest
class ModelDeploymentPersistenceTest {

	@Autowired
	RepositoryService repository;

	@Autowired
	ModelDeployment deployment;

	@Test
	void deploysEveryModelAndFormUnderItsFolderName() {
		Deployment latest = repository.createDeploymentQuery()
			.deploymentName(ModelDeployment.NAME)
			.orderByDeploymentTime()
			.desc()
			.listPage(0, 1)
			.get(0);
		assertThat(repository.getDeploymentResourceNames(latest.getId())).contains("bpmn/product-lifecycle.bpmn",
				"bpmn/mass-production-gate.dmn", "bpmn/customer-feedback.dmn", "forms/prototype-review.form",
				"forms/design-freeze-sign-off.form", "forms/inspection-standard-approval.form",
				"forms/supplier-qualification.form", "forms/gate-review.form");
		assertThat(repository.createProcessDefinitionQuery()
			.processDefinitionKey("productLifecycle")
			.latestVersion()
			.singleResult()
			.getHistoryTimeToLive()).isPositive();
	}

	@Test
	void unchangedModelsAreNotDeployedAgain() throws Exception {
		long deployments = repository.createDeploymentQuery().deploymentName(ModelDeployment.NAME).count();
		long versions = repository.createProcessDefinitionQuery().processDefinitionKey("productLifecycle").count();

		deployment.deploy();

		assertThat(repository.createDeploymentQuery().deploymentName(ModelDeployment.NAME).count())
			.isEqualTo(deployments);
		assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("productLifecycle").count())
			.isEqualTo(versions);
	}

}
