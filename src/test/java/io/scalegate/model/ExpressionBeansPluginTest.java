package io.scalegate.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scalegate.ScaleGateTest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.el.StartProcessVariableScope;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Defence in depth: an expression that reached the engine anyway (deployed before the
 * validator knew better, or past it) resolves ScaleGate's steps and no other Spring bean.
 */
@ScaleGateTest
class ExpressionBeansPluginTest {

	@Autowired
	ProcessEngine engine;

	/**
	 * {@code expression} evaluated by the engine's own expression manager, in a command.
	 */
	Object evaluate(String expression) {
		ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine
			.getProcessEngineConfiguration();
		return configuration.getCommandExecutorTxRequired()
			.execute(context -> configuration.getExpressionManager()
				.createExpression(expression)
				.getValue(StartProcessVariableScope.getSharedInstance()));
	}

	@Test
	void anExpressionResolvesScaleGatesStepsButNoOtherBean() {
		assertThat(evaluate("${changeStage}")).isInstanceOf(JavaDelegate.class);
		assertThat(evaluate("${gateEvaluated}")).isNotNull();
		assertThatThrownBy(() -> evaluate("${userAccounts}")).isInstanceOf(ProcessEngineException.class)
			.hasMessageContaining("userAccounts");
		assertThatThrownBy(() -> evaluate("${apiTokens.all()}")).isInstanceOf(ProcessEngineException.class)
			.hasMessageContaining("apiTokens");
		assertThatThrownBy(() -> evaluate("${runtimeService}")).isInstanceOf(ProcessEngineException.class)
			.hasMessageContaining("runtimeService");
	}

}
