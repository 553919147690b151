package io.scalegate.model;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * Defence in depth behind {@link ModelValidation}: the engine's expressions (BPMN, and
 * JUEL in DMN) and scripts resolve ScaleGate's {@link StepBeans steps} and no other
 * Spring bean, so an expression that reached the engine anyway cannot call a service by
 * name.
 * <p>
 * Camunda's Spring engine factory makes its {@link SpringExpressionManager} before any
 * plug-in runs, with the beans of the configuration, or, when there are none, the whole
 * application context. Setting only {@code beans} here would be too late for it, so the
 * expression manager is replaced too; the engine adds its functions to it afterwards.
 */
@Component
class ExpressionBeansPlugin extends AbstractProcessEnginePlugin {

	private final ApplicationContext context;

	ExpressionBeansPlugin(ApplicationContext context) {
		this.context = context;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		StepBeans steps = new StepBeans(context);
		configuration.setBeans(steps);
		configuration.setExpressionManager(new SpringExpressionManager(context, steps));
	}

}
