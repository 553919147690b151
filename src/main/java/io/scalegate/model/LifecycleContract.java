package io.scalegate.model;

import static io.scalegate.gate.ProductLifecycle.*;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;

/**
 * The product lifecycle's public contract (README, "The process and the decisions") that
 * a changed BPMN defining the process {@code productLifecycle} must keep: its contract
 * user tasks with their candidate groups, and the gate decisions it evaluates. The fields
 * its tasks' forms must keep ({@link #FORM_KEYS}) are checked with the form references,
 * by {@link FormReferences}.
 */
final class LifecycleContract {

	/** The lifecycle's contract user tasks and their candidate groups. */
	private static final Map<String, String> TASK_GROUPS = Map.of(PROTOTYPE_REVIEW, "ENGINEER", DESIGN_FREEZE_SIGN_OFF,
			"ENGINEER", INSPECTION_STANDARD_APPROVAL, "QUALITY", SUPPLIER_QUALIFICATION, "SUPPLIER_QUALITY",
			GATE_REVIEW, "GATEKEEPER");

	/** The variables the process reads from each task's form. */
	static final Map<String, List<String>> FORM_KEYS = Map.of(PROTOTYPE_REVIEW, List.of(PROTOTYPE_DECISION.name()),
			DESIGN_FREEZE_SIGN_OFF, List.of(DESIGN_FROZEN.name()), INSPECTION_STANDARD_APPROVAL,
			List.of(INSPECTION_STANDARD_APPROVED.name(), MATERIAL_CONFIRMED.name(), SURFACE_FINISH_CONFIRMED.name()),
			SUPPLIER_QUALIFICATION, List.of(SUPPLIER_APPROVED.name()), GATE_REVIEW,
			List.of(GATE_DECISION.name(), OVERRIDE_REASON.name(), GATE_CONDITIONS), CLOSE_GATE_CONDITION,
			List.of(CLOSING_NOTE.name()));

	/** The decisions the lifecycle must evaluate in a business rule task. */
	private static final List<String> DECISIONS = List.of(MASS_PRODUCTION_GATE, GATE_REASONS);

	private LifecycleContract() {
	}

	/** Checks {@code model} when it defines the lifecycle process. */
	static void check(ModelFile file, BpmnModelInstance model, List<ModelProblem> problems) {
		if (model.getModelElementsByType(Process.class).stream().noneMatch(p -> PROCESS_KEY.equals(p.getId()))) {
			return;
		}
		Map<String, UserTask> tasks = new HashMap<>();
		model.getModelElementsByType(UserTask.class).forEach(task -> tasks.put(task.getId(), task));
		TASK_GROUPS.forEach((id, group) -> {
			UserTask task = tasks.get(id);
			if (task == null) {
				problems.add(new ModelProblem(file.name(), id, "the lifecycle's contract task " + id + " is missing"));
			}
			else if (task.getCamundaCandidateGroups() == null
					|| !List.of(task.getCamundaCandidateGroups().split("\\s*,\\s*")).contains(group)) {
				problems.add(new ModelProblem(file.name(), id,
						"the task " + id + " must keep the candidate group " + group));
			}
		});
		Set<String> decisions = new HashSet<>();
		model.getModelElementsByType(BusinessRuleTask.class)
			.forEach(task -> decisions.add(task.getCamundaDecisionRef()));
		for (String key : DECISIONS) {
			if (!decisions.contains(key)) {
				problems.add(new ModelProblem(file.name(), PROCESS_KEY,
						"the lifecycle no longer evaluates the decision " + key));
			}
		}
	}

}
