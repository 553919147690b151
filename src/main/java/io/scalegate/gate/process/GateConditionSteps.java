package io.scalegate.gate.process;

import static io.scalegate.gate.ProductLifecycle.CLOSE_GATE_CONDITION;
import static io.scalegate.gate.ProductLifecycle.CLOSING_NOTE;
import static io.scalegate.gate.ProductLifecycle.CONDITION_DUE;
import static io.scalegate.gate.ProductLifecycle.CONDITION_OWNER;
import static io.scalegate.gate.ProductLifecycle.CONDITION_TEXT;
import static io.scalegate.gate.ProductLifecycle.GATE_CONDITIONS;
import static io.scalegate.gate.ProductLifecycle.GATE_CONDITION_ID;
import static io.scalegate.gate.ProductLifecycle.GATE_CONDITION_IDS;
import static io.scalegate.gate.ProductLifecycle.GATE_DECISION;

import io.scalegate.base.ActingUser;
import io.scalegate.condition.GateCondition;
import io.scalegate.condition.GateConditions;
import io.scalegate.condition.NewCondition;
import io.scalegate.gate.GateDecision;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The steps of a Go with conditions (docs/adr/0020-go-with-conditions.md): raising the
 * conditions, preparing each condition's task for its owner, escalating an overdue one to
 * the gatekeeper, recording one closed, and clearing the product's conditional mark when
 * the last is closed.
 */
final class GateConditionSteps {

	/** The gatekeepers' group: an overdue condition's task becomes theirs to see. */
	static final String GATEKEEPER = "GATEKEEPER";

	private GateConditionSteps() {
	}

	private static long conditionId(DelegateExecution execution) {
		return Long.parseLong(GATE_CONDITION_ID.from(execution));
	}

	/**
	 * Raises the conditions written with the decision (checked again: the same check as
	 * the decision's) and gives the process their ids, the collection of the condition
	 * tasks.
	 */
	@Component("raiseGateConditions")
	static class Raise implements JavaDelegate {

		private final GateConditions conditions;

		private final ActingUser actingUser;

		Raise(GateConditions conditions, ActingUser actingUser) {
			this.conditions = conditions;
			this.actingUser = actingUser;
		}

		@Override
		public void execute(DelegateExecution execution) {
			GateDecision decision = GateDecision.named(GATE_DECISION.from(execution))
				.orElse(GateDecision.GO_WITH_CONDITIONS);
			List<NewCondition> written = conditions.checked(decision.carriesConditions(), decision.name(),
					execution.getVariable(GATE_CONDITIONS));
			List<Long> ids = conditions.raise(execution.getProcessBusinessKey(), execution.getProcessInstanceId(),
					decision.name(), written, actingUser.current());
			execution.setVariable(GATE_CONDITION_IDS, new ArrayList<>(ids.stream().map(String::valueOf).toList()));
		}

	}

	/**
	 * Gives one condition's scope what its task needs, as local variables: the owner (the
	 * assignee), the text (the form shows it), the moment it is overdue (the due date and
	 * the timer) and an empty closing note (so the owner's note stays with this
	 * condition).
	 */
	@Component("prepareGateCondition")
	static class Prepare implements JavaDelegate {

		private final GateConditions conditions;

		Prepare(GateConditions conditions) {
			this.conditions = conditions;
		}

		@Override
		public void execute(DelegateExecution execution) {
			GateCondition condition = conditions.get(conditionId(execution));
			execution.setVariableLocal(CONDITION_OWNER.name(), condition.owner());
			execution.setVariableLocal(CONDITION_TEXT.name(), condition.text());
			execution.setVariableLocal(CONDITION_DUE.name(), Date.from(condition.dueBy()));
			execution.setVariableLocal(CLOSING_NOTE.name(), null);
		}

	}

	/**
	 * The condition is overdue: marked escalated, its task at the top of every inbox (as
	 * {@link OverdueTaskDelegate}) and offered to the gatekeepers, who see it.
	 */
	@Component("escalateGateCondition")
	static class Escalate implements JavaDelegate {

		private final GateConditions conditions;

		private final TaskService tasks;

		private final ActingUser actingUser;

		Escalate(GateConditions conditions, TaskService tasks, ActingUser actingUser) {
			this.conditions = conditions;
			this.tasks = tasks;
			this.actingUser = actingUser;
		}

		@Override
		public void execute(DelegateExecution execution) {
			long id = conditionId(execution);
			if (!conditions.escalate(id, actingUser.current())) {
				return;
			}
			for (Task task : tasks.createTaskQuery()
				.processInstanceId(execution.getProcessInstanceId())
				.taskDefinitionKey(CLOSE_GATE_CONDITION)
				.list()) {
				if (!String.valueOf(id).equals(tasks.getVariable(task.getId(), GATE_CONDITION_ID.name()))) {
					continue;
				}
				task.setPriority(OverdueTaskDelegate.ESCALATED_PRIORITY);
				tasks.saveTask(task);
				tasks.addCandidateGroup(task.getId(), GATEKEEPER);
			}
		}

	}

	/** The owner signed the condition's task: the condition is closed with their note. */
	@Component("recordConditionClosed")
	static class Close implements JavaDelegate {

		private final GateConditions conditions;

		private final ActingUser actingUser;

		Close(GateConditions conditions, ActingUser actingUser) {
			this.conditions = conditions;
			this.actingUser = actingUser;
		}

		@Override
		public void execute(DelegateExecution execution) {
			conditions.close(conditionId(execution), actingUser.current(), CLOSING_NOTE.from(execution));
		}

	}

	/** Every condition is closed: the product is no longer conditional. */
	@Component("clearConditionalMark")
	static class Clear implements JavaDelegate {

		private final GateConditions conditions;

		private final ActingUser actingUser;

		Clear(GateConditions conditions, ActingUser actingUser) {
			this.conditions = conditions;
			this.actingUser = actingUser;
		}

		@Override
		public void execute(DelegateExecution execution) {
			conditions.clear(execution.getProcessBusinessKey(), execution.getProcessInstanceId(), actingUser.current());
		}

	}

}
