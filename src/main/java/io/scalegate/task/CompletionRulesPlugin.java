package io.scalegate.task;

import io.scalegate.gate.ProductLifecycle;
import java.util.ArrayList;
import java.util.Objects;
import java.util.Optional;
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
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * The rules the engine holds every completion of a lifecycle task to, whatever the path
 * (ScaleGate's UI, Cockpit, engine-rest, Java code): every user task of every deployed
 * version of the lifecycle gets, at parse time, built-in completion listeners that run
 * before the model's own and that no model change can remove:
 * <ol>
 * <li>on {@code gateReview}: {@link FourEyesRule}, a forbidden signer is refused and the
 * refusal is in the trail ({@link GateSigningRefused});</li>
 * <li>on every user task: the completion carries a ScaleGate signature given in the same
 * transaction by the user completing it ({@link TaskCompletion} stores it and completes
 * the task in one transaction), or it is refused ({@link RefusedCompletion}), nothing is
 * kept and the refusal is in the trail ({@link CompletionRefused}).</li>
 * </ol>
 */
@Component
class CompletionRulesPlugin extends AbstractProcessEnginePlugin {

	private final FourEyesRule rule;

	private final Signatures signatures;

	private final ApplicationEventPublisher events;

	CompletionRulesPlugin(@Lazy FourEyesRule rule, @Lazy Signatures signatures, ApplicationEventPublisher events) {
		this.rule = rule;
		this.signatures = signatures;
		this.events = events;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		if (configuration.getCustomPostBPMNParseListeners() == null) {
			configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
		}
		configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
			@Override
			public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
				if (activity.getProcessDefinition() instanceof ProcessDefinitionEntity definition
						&& ProductLifecycle.PROCESS_KEY.equals(definition.getKey())
						&& activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask) {
					TaskDefinition task = userTask.getTaskDefinition();
					if (ProductLifecycle.GATE_REVIEW.equals(activity.getId())) {
						task.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE,
								CompletionRulesPlugin.this::fourEyes);
					}
					task.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, CompletionRulesPlugin.this::signed);
				}
			}
		});
	}

	private void fourEyes(DelegateTask task) {
		String user = Context.getCommandContext().getAuthenticatedUserId();
		String signer = user != null ? user : task.getAssignee();
		if (signer == null) {
			throw new RefusedCompletion("a gate review is completed only by a known, signed-in gatekeeper");
		}
		String partNumber = task.getExecution().getProcessBusinessKey();
		rule.refusal(signer, task.getProcessInstanceId(), partNumber).ifPresent(reason -> {
			events.publishEvent(new GateSigningRefused(signer, task.getId(), partNumber, reason));
			throw new RefusedCompletion(reason);
		});
	}

	private void signed(DelegateTask task) {
		String user = Context.getCommandContext().getAuthenticatedUserId();
		Optional<Signature> signature = SignaturesInTransaction.of(task.getId())
			.filter(given -> Objects.equals(given.username(), user))
			.filter(given -> given.processInstanceId().equals(task.getProcessInstanceId())
					&& given.taskKey().equals(task.getTaskDefinitionKey()))
			.filter(given -> signatures.findById(given.id())
				.filter(stored -> stored.taskId().equals(task.getId()))
				.isPresent());
		if (signature.isEmpty()) {
			String partNumber = task.getExecution().getProcessBusinessKey();
			String reason = "\"" + task.getName() + "\" of " + partNumber
					+ " is completed only with a ScaleGate signature given in the same transaction by "
					+ (user == null ? "a signed-in user" : user)
					+ ": sign it in ScaleGate's inbox. Nothing was changed.";
			events.publishEvent(new CompletionRefused(task.getId(), task.getTaskDefinitionKey(), task.getName(),
					partNumber, user, reason));
			throw new RefusedCompletion(reason);
		}
	}

}
