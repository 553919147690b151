package io.scalegate.security;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.batch.RestartProcessInstancesBatchCmd;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.*;
import org.camunda.bpm.engine.impl.cmd.batch.CorrelateAllMessageBatchCmd;
import org.camunda.bpm.engine.impl.cmd.batch.DeleteHistoricProcessInstancesBatchCmd;
import org.camunda.bpm.engine.impl.cmd.batch.DeleteProcessInstanceBatchCmd;
import org.camunda.bpm.engine.impl.cmd.batch.removaltime.SetRemovalTimeToHistoricDecisionInstancesCmd;
import org.camunda.bpm.engine.impl.cmd.batch.removaltime.SetRemovalTimeToHistoricProcessInstancesCmd;
import org.camunda.bpm.engine.impl.cmd.batch.variables.SetVariablesToProcessInstancesBatchCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.dmn.cmd.DeleteHistoricDecisionInstanceByDefinitionIdCmd;
import org.camunda.bpm.engine.impl.dmn.cmd.DeleteHistoricDecisionInstanceByInstanceIdCmd;
import org.camunda.bpm.engine.impl.dmn.cmd.DeleteHistoricDecisionInstancesBatchCmd;
import org.camunda.bpm.engine.impl.dmn.cmd.DeleteHistoricDecisionInstancesBulkCmd;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.migration.MigrateProcessInstanceCmd;
import org.camunda.bpm.engine.impl.migration.batch.MigrateProcessInstanceBatchCmd;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The engine refuses every change to a running lifecycle that is neither one of
 * ScaleGate's own steps ({@link ScaleGateStep}) nor made by the process itself (a step
 * the BPMN calls, a timer, a batch job: commands inside a running command): completing or
 * re-assigning a task, writing or removing a variable, moving the flow (modification,
 * messages, signals, starts, restarts, migration), cancelling or suspending an instance,
 * moving or deleting its timers, deleting its history or deployment. It holds for every
 * path (Cockpit and the webapps' API, engine-rest, Java code), is answered with an
 * {@link AuthorizationException} (403 on the REST API) before the command runs, and is
 * kept in the audit trail ({@link EngineChangeRefused}).
 * <p>
 * Running a job is the job executor's business: asked for in an HTTP request (Cockpit's
 * or the REST API's "execute job") it is refused too. What stays open to an
 * administrator: reading everything, incidents (annotations) and job retries.
 */
@Component
class EngineChangeGuard extends AbstractProcessEnginePlugin {

	/** Completions: ScaleGate completes a lifecycle task only with a signature. */
	static final Set<Class<?>> COMPLETIONS = Set.of(CompleteTaskCmd.class, SubmitTaskFormCmd.class);

	/** Every other command that changes a running lifecycle, its tasks or its record. */
	static final Set<Class<?>> CHANGES = Set.of(
			// variables
			SetExecutionVariablesCmd.class, RemoveExecutionVariablesCmd.class, PatchExecutionVariablesCmd.class,
			SetTaskVariablesCmd.class, RemoveTaskVariablesCmd.class, PatchTaskVariablesCmd.class,
			SetVariablesToProcessInstancesBatchCmd.class,
			// tasks and their people
			ResolveTaskCmd.class, DelegateTaskCmd.class, ClaimTaskCmd.class, AssignTaskCmd.class, SetTaskOwnerCmd.class,
			SaveTaskCmd.class, SetTaskNameCmd.class, SetTaskDescriptionCmd.class, SetTaskDueDateCmd.class,
			SetTaskFollowUpDateCmd.class, SetTaskPriorityCmd.class, AddCommentCmd.class, UpdateCommentCmd.class,
			DeleteTaskCommentCmd.class, DeleteProcessInstanceCommentCmd.class, AddUserIdentityLinkCmd.class,
			AddGroupIdentityLinkCmd.class, DeleteUserIdentityLinkCmd.class, DeleteGroupIdentityLinkCmd.class,
			DeleteTaskCmd.class, HandleTaskBpmnErrorCmd.class, HandleTaskEscalationCmd.class,
			CompleteExternalTaskCmd.class, HandleExternalTaskBpmnErrorCmd.class, HandleExternalTaskFailureCmd.class,
			// the flow
			CorrelateMessageCmd.class, CorrelateAllMessageCmd.class, CorrelateAllMessageBatchCmd.class,
			MessageEventReceivedCmd.class, SignalCmd.class, SignalEventReceivedCmd.class,
			EvaluateStartConditionCmd.class, StartProcessInstanceCmd.class, StartProcessInstanceAtActivitiesCmd.class,
			SubmitStartFormCmd.class, RestartProcessInstancesCmd.class, RestartProcessInstancesBatchCmd.class,
			ModifyProcessInstanceCmd.class, ModifyProcessInstanceAsyncCmd.class, ProcessInstanceModificationCmd.class,
			ProcessInstanceModificationBatchCmd.class, MigrateProcessInstanceCmd.class,
			MigrateProcessInstanceBatchCmd.class, SetProcessDefinitionVersionCmd.class,
			// cancellation, suspension, timers
			DeleteProcessInstanceCmd.class, DeleteProcessInstancesCmd.class, DeleteProcessInstanceBatchCmd.class,
			DeleteDeploymentCmd.class, DeleteProcessDefinitionsByIdsCmd.class, DeleteProcessDefinitionsByKeyCmd.class,
			SuspendProcessInstanceCmd.class, ActivateProcessInstanceCmd.class,
			UpdateProcessInstancesSuspendStateCmd.class, UpdateProcessInstancesSuspendStateBatchCmd.class,
			SuspendProcessDefinitionCmd.class, ActivateProcessDefinitionCmd.class, SuspendJobDefinitionCmd.class,
			ActivateJobDefinitionCmd.class, SuspendJobCmd.class, ActivateJobCmd.class, SetJobDuedateCmd.class,
			RecalculateJobDuedateCmd.class, DeleteJobCmd.class, DeleteJobsCmd.class,
			// the record: Camunda's history the gate record and four-eyes read
			DeleteHistoricProcessInstancesCmd.class, DeleteHistoricProcessInstancesBatchCmd.class,
			DeleteHistoricTaskInstanceCmd.class, DeleteHistoricVariableInstanceCmd.class,
			DeleteHistoricVariableInstancesByProcessInstanceIdCmd.class, DeleteUserOperationLogEntryCmd.class,
			DeleteHistoricDecisionInstancesBulkCmd.class, DeleteHistoricDecisionInstancesBatchCmd.class,
			DeleteHistoricDecisionInstanceByInstanceIdCmd.class, DeleteHistoricDecisionInstanceByDefinitionIdCmd.class,
			SetRemovalTimeToHistoricProcessInstancesCmd.class, SetRemovalTimeToHistoricDecisionInstancesCmd.class,
			UpdateProcessDefinitionHistoryTimeToLiveCmd.class, UpdateDecisionDefinitionHistoryTimeToLiveCmd.class);

	private static final List<String> ID_FIELDS = List.of("taskId", "entityId", "executionId", "processInstanceId");

	private final ApplicationEventPublisher events;

	EngineChangeGuard(ApplicationEventPublisher events) {
		this.events = events;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		List<CommandInterceptor> txRequired = configuration.getCustomPreCommandInterceptorsTxRequired() == null
				? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequired());
		txRequired.add(0, new Guard(configuration));
		configuration.setCustomPreCommandInterceptorsTxRequired(txRequired);
		List<CommandInterceptor> txRequiresNew = configuration.getCustomPreCommandInterceptorsTxRequiresNew() == null
				? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequiresNew());
		txRequiresNew.add(0, new Guard(configuration));
		configuration.setCustomPreCommandInterceptorsTxRequiresNew(txRequiresNew);
	}

	private static String name(Command<?> command) {
		return command.getClass().getSimpleName().replaceAll("Cmd$", "");
	}

	static boolean isCompletion(Command<?> command) {
		return COMPLETIONS.stream().anyMatch(type -> type.isInstance(command));
	}

	/**
	 * Job retries that also set a due date (Camunda 7.21+) or set none left: they move or
	 * stop a lifecycle timer as surely as {@code SetJobDuedate} or {@code DeleteJob}.
	 */
	static boolean movesOrStopsJobs(Command<?> command) {
		if (!(command instanceof SetJobRetriesCmd) && !(command instanceof AbstractSetJobsRetriesBatchCmd)) {
			return false;
		}
		Object dueDateSet = field(command, "isDueDateSet");
		Object retries = field(command, "retries");
		return !Boolean.FALSE.equals(dueDateSet) || !(retries instanceof Integer count) || count <= 0;
	}

	/**
	 * A refused "execute job" is not a failure of the job: Camunda's job helper would
	 * count it against the job's retries (three refused requests would stop a timer),
	 * unless its failure collector forgets the job.
	 */
	private static void keepRetries(Command<?> command) {
		Object collector = field(command, "jobFailureCollector");
		Field jobId = collector == null ? null : declaredField(collector, "jobId");
		if (jobId != null) {
			try {
				jobId.setAccessible(true);
				jobId.set(collector, null);
			}
			catch (ReflectiveOperationException | RuntimeException unwritable) {
				// the refusal stands; the job then loses a retry, as Camunda counts it
			}
		}
	}

	private static Object field(Object target, String name) {
		Field field = declaredField(target, name);
		return field == null ? null : read(field, target);
	}

	/** The field {@code name} of {@code target}'s class or a superclass, or null. */
	private static Field declaredField(Object target, String name) {
		for (Class<?> type = target.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
			try {
				return type.getDeclaredField(name);
			}
			catch (NoSuchFieldException elsewhere) {
				// a superclass's field
			}
		}
		return null;
	}

	static boolean isChange(Command<?> command) {
		return CHANGES.stream().anyMatch(type -> type.isInstance(command));
	}

	/**
	 * Refuses a guarded command issued from outside the process and ScaleGate's steps.
	 */
	private final class Guard extends CommandInterceptor {

		private final ProcessEngineConfigurationImpl configuration;

		Guard(ProcessEngineConfigurationImpl configuration) {
			this.configuration = configuration;
		}

		@Override
		public <T> T execute(Command<T> command) {
			boolean fromTheProcess = Context.getCommandContext() != null;
			if (!fromTheProcess && !ScaleGateStep.running()) {
				String request = request();
				if (isCompletion(command)) {
					refuse(command, true, request, "A lifecycle task is completed only with a ScaleGate signature: "
							+ "sign it in ScaleGate's inbox. Nothing was changed.");
				}
				if (isChange(command)) {
					refuse(command, false, request, "ScaleGate refuses " + name(command)
							+ " on a lifecycle from outside its own steps: tasks "
							+ "are signed, and variables and the flow change only through the lifecycle itself. "
							+ "Nothing was changed.");
				}
				if (movesOrStopsJobs(command)) {
					refuse(command, false, request, "Retries may only let a failed job run again: setting a due date "
							+ "with them moves a lifecycle timer, and zero retries stops it. Nothing was changed.");
				}
				if (command instanceof ExecuteJobsCmd && request != null) {
					keepRetries(command);
					refuse(command, false, request, "A job of the lifecycle runs when the job executor runs it, "
							+ "not on request: set its retries to have a failed job run again. Nothing was changed.");
				}
			}
			return next.execute(command);
		}

		private void refuse(Command<?> command, boolean completion, String request, String message) {
			String what = name(command);
			EngineChangeRefused refused = describe(command, completion, what, request, message);
			events.publishEvent(refused);
			throw new AuthorizationException(message);
		}

		private EngineChangeRefused describe(Command<?> command, boolean completion, String what, String request,
				String reason) {
			String taskId = null;
			String partNumber = null;
			List<String> ids = new ArrayList<>();
			List<String> variables = new ArrayList<>();
			try {
				inspect(command, ids, variables, true);
				for (String id : ids) {
					Task task = configuration.getTaskService().createTaskQuery().taskId(id).singleResult();
					if (task != null) {
						taskId = task.getId();
						partNumber = businessKey(task.getProcessInstanceId()).orElse(null);
						break;
					}
					Execution execution = configuration.getRuntimeService()
						.createExecutionQuery()
						.executionId(id)
						.singleResult();
					if (execution != null) {
						partNumber = businessKey(execution.getProcessInstanceId()).orElse(null);
						break;
					}
				}
			}
			catch (RuntimeException notDescribable) {
				// the refusal stands; the trail then names the command and the request
				// only
			}
			Authentication user = configuration.getIdentityService().getCurrentAuthentication();
			return new EngineChangeRefused(completion, what, taskId, partNumber, user == null ? null : user.getUserId(),
					request(), ids, variables, reason);
		}

		private Optional<String> businessKey(String processInstanceId) {
			return Optional
				.ofNullable(configuration.getRuntimeService()
					.createProcessInstanceQuery()
					.processInstanceId(processInstanceId)
					.singleResult())
				.map(ProcessInstance::getBusinessKey);
		}

	}

	/**
	 * Collects the ids and variable names a command names, for the trail; one level into
	 * the engine's builders (modification, correlation).
	 */
	private static void inspect(Object target, List<String> ids, List<String> variables, boolean deeper) {
		for (Class<?> type = target.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
			for (Field field : type.getDeclaredFields()) {
				if (java.lang.reflect.Modifier.isStatic(field.getModifiers())) {
					continue;
				}
				Object value = read(field, target);
				if (value == null) {
					continue;
				}
				String name = field.getName();
				if (ID_FIELDS.contains(name) && value instanceof String id) {
					ids.add(id);
				}
				else if (name.equals("processInstanceIds") && value instanceof Collection<?> many) {
					many.stream().limit(20).map(String::valueOf).forEach(ids::add);
				}
				else if (value instanceof Task task) {
					ids.add(task.getId());
				}
				else if (name.toLowerCase().contains("variable") && value instanceof Map<?, ?> map) {
					map.keySet().stream().map(String::valueOf).forEach(variables::add);
				}
				else if ((name.equals("variableNames") || name.equals("deletions"))
						&& value instanceof Collection<?> names) {
					names.stream().map(String::valueOf).forEach(variables::add);
				}
				else if (deeper && value.getClass().getName().startsWith("org.camunda.bpm.engine.impl.")
						&& name.toLowerCase().contains("builder")) {
					inspect(value, ids, variables, false);
				}
			}
		}
	}

	private static Object read(Field field, Object target) {
		try {
			field.setAccessible(true);
			return field.get(target);
		}
		catch (ReflectiveOperationException | RuntimeException unreadable) {
			return null;
		}
	}

	private static String request() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpServletRequest request = attributes.getRequest();
			return request.getMethod() + " " + request.getRequestURI();
		}
		return null;
	}

}
