package io.scalegate.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scalegate.BareEngine;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The engine itself refuses a process whose activities would run code, behind model
 * validation: a bare engine with only this parse listener, fed what validation would
 * refuse.
 */
class CodeFreeActivitiesTest {

	static ProcessEngine engine;

	@BeforeAll
	static void bareEngine() {
		ProcessEngineConfigurationImpl configuration = BareEngine.configuration("code-free-activities");
		configuration.setCustomPostBPMNParseListeners(new ArrayList<>(List.of(new CodeFreeActivities())));
		engine = configuration.buildProcessEngine();
	}

	@AfterAll
	static void close() {
		engine.close();
	}

	private static void deploy(String task) {
		engine.getRepositoryService()
			.createDeployment()
			.addString("probe.bpmn", BareEngine.oneTaskProcess("probe", task))
			.deploy();
	}

	@Test
	void refusesAShellCommand() {
		assertThatThrownBy(() -> deploy("""
				<serviceTask id="task" camunda:type="shell">
				  <extensionElements><camunda:field name="command" stringValue="id" /></extensionElements>
				</serviceTask>""")).hasMessageContaining("ScaleGate refuses task")
			.hasMessageContaining("ShellActivityBehavior");
	}

	@Test
	void refusesAJavaClassAScriptAndABareExpression() {
		assertThatThrownBy(() -> deploy("<serviceTask id=\"task\" camunda:class=\"java.lang.Object\" />"))
			.hasMessageContaining("ClassDelegateActivityBehavior");
		assertThatThrownBy(() -> deploy(
				"<scriptTask id=\"task\" scriptFormat=\"javascript\"><script>java.lang.System.exit(1)</script></scriptTask>"))
			.hasMessageContaining("ScriptTaskActivityBehavior");
		assertThatThrownBy(() -> deploy("<serviceTask id=\"task\" camunda:expression=\"${1 + 1}\" />"))
			.hasMessageContaining("ServiceTaskExpressionActivityBehavior");
	}

	@Test
	void letsAStepByDelegateExpressionThrough() {
		deploy("<serviceTask id=\"task\" camunda:delegateExpression=\"${changeStage}\" />");
		assertThat(engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("probe").count())
			.isOne();
	}

}
