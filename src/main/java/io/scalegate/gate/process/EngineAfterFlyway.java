package io.scalegate.gate.process;

import java.util.Arrays;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Flyway migrates ScaleGate's tables before Camunda creates its own: Flyway refuses a
 * non-empty schema without its history table, so on a fresh database it must come first.
 * Both share one schema.
 */
@Configuration(proxyBeanMethods = false)
class EngineAfterFlyway {

	private static final String ENGINE = "processEngineFactoryBean";

	private static final String FLYWAY = "flywayInitializer";

	@Bean
	static BeanFactoryPostProcessor processEngineAfterFlyway() {
		return (ConfigurableListableBeanFactory beanFactory) -> {
			if (beanFactory.containsBeanDefinition(ENGINE) && beanFactory.containsBeanDefinition(FLYWAY)) {
				BeanDefinition engine = beanFactory.getBeanDefinition(ENGINE);
				String[] dependsOn = engine.getDependsOn() == null ? new String[0] : engine.getDependsOn();
				String[] extended = Arrays.copyOf(dependsOn, dependsOn.length + 1);
				extended[dependsOn.length] = FLYWAY;
				engine.setDependsOn(extended);
			}
		};
	}

}
