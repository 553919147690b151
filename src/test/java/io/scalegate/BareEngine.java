package io.scalegate;

import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/**
 * A process engine of a test's own, without Spring: in-memory H2, no history, no job
 * executor running, for a test that needs the engine configured in a way the
 * application's never is.
 */
public final class BareEngine {

	private BareEngine() {
	}

	/**
	 * The configuration to adjust and build; {@code name} also names its database, and
	 * must differ from the application's engine ("default"), since Camunda registers
	 * engines by name.
	 */
	public static ProcessEngineConfigurationImpl configuration(String name) {
		ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
			.createStandaloneInMemProcessEngineConfiguration()
			.setProcessEngineName(name)
			.setJdbcUrl("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1")
			.setJobExecutorActivate(false)
			.setHistory(ProcessEngineConfiguration.HISTORY_NONE);
		configuration.setEnforceHistoryTimeToLive(false);
		return configuration;
	}

}
