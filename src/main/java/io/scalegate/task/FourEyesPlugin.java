package io.scalegate.task;

import io.scalegate.gate.ProductLifecycle;
import java.util.ArrayList;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Enforces {@link FourEyesRule} inside the engine: every deployed version of the
 * lifecycle gets, at parse time, a completion listener on {@code gateReview} that refuses
 * a forbidden signer. It is added by the engine, not written in the model, so a model
 * change cannot remove it.
 */
@Component
class FourEyesPlugin extends AbstractProcessEnginePlugin {

	private final FourEyesRule rule;

	FourEyesPlugin(@Lazy FourEyesRule rule) {
		this.rule = rule;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		if (configuration.getCustomPostBPMNParseListeners() == null) {
			configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
		}
		configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
			@Override
			public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
				if (ProductLifecycle.GATE_REVIEW.equals(activity.getId())
						&& activity.getProcessDefinition() instanceof ProcessDefinitionEntity definition
						&& ProductLifecycle.PROCESS_KEY.equals(definition.getKey())
						&& activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask) {
					userTask.getTaskDefinition().addTaskListener(TaskListener.EVENTNAME_COMPLETE, this::enforce);
				}
			}

			private void enforce(DelegateTask task) {
				String user = Context.getCommandContext().getAuthenticatedUserId();
				String signer = user != null ? user : task.getAssignee();
				if (signer == null) {
					throw new FourEyesViolation("a gate review is completed only by a known, signed-in gatekeeper");
				}
				rule.refusal(signer, task.getProcessInstanceId(), task.getExecution().getProcessBusinessKey())
					.ifPresent(reason -> {
						throw new FourEyesViolation(reason);
					});
			}
		});
	}

}
