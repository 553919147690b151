package io.scalegate.model;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Puts {@link ValidatingDeployer} in front of the engine's own deployers, and
 * {@link CodeFreeActivities} after its BPMN parser.
 */
@Component
class ModelValidationPlugin extends AbstractProcessEnginePlugin {

	private final ModelValidation validation;

	private final ApplicationEventPublisher events;

	ModelValidationPlugin(ModelValidation validation, ApplicationEventPublisher events) {
		this.validation = validation;
		this.events = events;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		List<Deployer> deployers = configuration.getCustomPreDeployers() == null ? new ArrayList<>()
				: new ArrayList<>(configuration.getCustomPreDeployers());
		deployers.add(0, new ValidatingDeployer(validation, events));
		configuration.setCustomPreDeployers(deployers);
		List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null ? new ArrayList<>()
				: new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
		listeners.add(new CodeFreeActivities());
		configuration.setCustomPostBPMNParseListeners(listeners);
	}

}
