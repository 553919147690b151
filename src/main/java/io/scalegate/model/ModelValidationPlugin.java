package io.scalegate.model;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.springframework.stereotype.Component;

/** Puts {@link ValidatingDeployer} in front of the engine's own deployers. */
@Component
class ModelValidationPlugin extends AbstractProcessEnginePlugin {

	private final ModelValidation validation;

	ModelValidationPlugin(ModelValidation validation) {
		this.validation = validation;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		List<Deployer> deployers = configuration.getCustomPreDeployers() == null ? new ArrayList<>()
				: new ArrayList<>(configuration.getCustomPreDeployers());
		deployers.add(0, new ValidatingDeployer(validation));
		configuration.setCustomPreDeployers(deployers);
	}

}
