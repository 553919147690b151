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

	/**
	 * A process {@code id} of one activity between a start and an end event; the
	 * activity's XML must give it the id "task".
	 */
	public static String oneTaskProcess(String id, String task) {
		return """
				<?xml version="1.0" encoding="UTF-8"?>
				<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
				    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="test">
				  <process id="%s" isExecutable="true">
				    <startEvent id="start" />
				    <sequenceFlow id="toTask" sourceRef="start" targetRef="task" />
				    %s
				    <sequenceFlow id="toEnd" sourceRef="task" targetRef="end" />
				    <endEvent id="end" />
				  </process>
				</definitions>
				""".formatted(id, task).strip();
	}

}
