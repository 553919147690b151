package io.scalegate.gate.feel;

import java.util.List;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.scala.function.FeelCustomFunctionProvider;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * The process engine's DMN engine (business rule tasks, the DecisionService) evaluates
 * FEEL with {@link CachedFeelEngineFactory}. Camunda hands its FEEL custom function
 * providers only to a factory it makes itself; ScaleGate registers none, but should one
 * be configured on the engine, the factory here is given them too.
 */
@Component
public class FeelExpressionCachePlugin extends AbstractProcessEnginePlugin {

	private final CachedFeelEngineFactory factory;

	public FeelExpressionCachePlugin(CachedFeelEngineFactory factory) {
		this.factory = factory;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration();
		if (dmn == null) {
			dmn = (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
			configuration.setDmnEngineConfiguration(dmn);
		}
		List<FeelCustomFunctionProvider> providers = configuration.getDmnFeelCustomFunctionProviders();
		dmn.setFeelEngineFactory(providers == null || providers.isEmpty() ? factory
				: new CachedFeelEngineFactory(factory.cacheSize(), providers));
	}

}
