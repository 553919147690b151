package io.scalegate.gate.feel;

import static org.assertj.core.api.Assertions.assertThat;

import io.scalegate.ScaleGateTest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The process engine's DMN engine evaluates FEEL with the cached engine. */
@ScaleGateTest
class FeelExpressionCachePluginTest {

	@Autowired
	ProcessEngine engine;

	@Autowired
	CachedFeelEngineFactory factory;

	@Test
	void theProcessEngineUsesTheSharedFactory() {
		ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine
			.getProcessEngineConfiguration();
		assertThat(configuration.getDmnEngineConfiguration().getFeelEngineFactory()).isSameAs(factory);
		assertThat(configuration.getDmnEngineConfiguration().getFeelEngine()).isInstanceOf(CachedFeelEngine.class);
		assertThat(factory.cacheSize()).isEqualTo(CachedFeelEngineFactory.DEFAULT_CACHE_SIZE);
	}

}
