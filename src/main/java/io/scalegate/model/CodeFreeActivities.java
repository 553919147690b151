package io.scalegate.model;

import java.util.List;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.bpmn.behavior.ClassDelegateActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.behavior.MailActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.behavior.ScriptTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.behavior.ServiceTaskExpressionActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.behavior.ShellActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.delegate.ActivityBehavior;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Defence in depth behind {@link CodeSafety}: after the engine has parsed a process, no
 * activity may carry a behaviour that runs code a process owner cannot review (a shell
 * command, an e-mail, a Java class, a script, a bare expression), whatever the XML looked
 * like. A deployment holding one fails in the engine even if validation missed it.
 */
final class CodeFreeActivities extends AbstractBpmnParseListener {

	private static final List<Class<? extends ActivityBehavior>> CODE = List.of(ShellActivityBehavior.class,
			MailActivityBehavior.class, ClassDelegateActivityBehavior.class, ScriptTaskActivityBehavior.class,
			ServiceTaskExpressionActivityBehavior.class);

	@Override
	public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
		check(processDefinition);
	}

	private static void check(ScopeImpl scope) {
		for (ActivityImpl activity : scope.getActivities()) {
			ActivityBehavior behavior = activity.getActivityBehavior();
			if (behavior != null && CODE.stream().anyMatch(type -> type.isInstance(behavior))) {
				throw new ProcessEngineException("ScaleGate refuses " + activity.getId() + ": it would run "
						+ behavior.getClass().getSimpleName() + ", code a process owner cannot review");
			}
			check(activity);
		}
	}

}
