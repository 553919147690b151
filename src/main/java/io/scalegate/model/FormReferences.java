package io.scalegate.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;

/**
 * The Camunda Forms of one deployment and the user tasks that reference them: each
 * {@code .form} is JSON with an {@code id} (its key for {@code camunda:formRef}) and a
 * {@code components} list using no key twice (a dynamic list's {@code path} is the key of
 * its list); each {@code camunda:formRef} names a form of the deployment, which has the
 * fields the lifecycle reads from that task ({@link LifecycleContract#FORM_KEYS}).
 */
final class FormReferences {

	private final ObjectMapper json;

	/** Form id → the keys of its fields. */
	private final Map<String, Set<String>> formKeys = new HashMap<>();

	FormReferences(ObjectMapper json) {
		this.json = json;
	}

	/** Reads the form {@code file}, a form of the deployment when it has no problem. */
	void read(ModelFile file, List<ModelProblem> problems) {
		JsonNode form;
		try {
			form = json.readTree(file.content());
		}
		catch (Exception e) {
			problems.add(ModelProblem.unreadable(file, "is not JSON", e));
			return;
		}
		if (form == null || !form.path("id").isTextual() || form.path("id").asText().isBlank()) {
			problems.add(new ModelProblem(file.name(), "", "a form needs an \"id\" (its key for camunda:formRef)"));
			return;
		}
		if (!form.path("components").isArray()) {
			problems.add(new ModelProblem(file.name(), form.path("id").asText(), "a form needs a \"components\" list"));
			return;
		}
		Set<String> keys = new LinkedHashSet<>();
		collectKeys(form.path("components"), keys, file, problems);
		formKeys.put(form.path("id").asText(), keys);
	}

	private static void collectKeys(JsonNode components, Set<String> keys, ModelFile file,
			List<ModelProblem> problems) {
		for (JsonNode component : components) {
			if (component.path("key").isTextual() && !keys.add(component.path("key").asText())) {
				problems.add(new ModelProblem(file.name(), component.path("id").asText(component.path("key").asText()),
						"the key " + component.path("key").asText() + " is used twice"));
			}
			if ("dynamiclist".equals(component.path("type").asText()) && component.path("path").isTextual()
					&& !keys.add(component.path("path").asText())) {
				problems.add(new ModelProblem(file.name(), component.path("id").asText(component.path("path").asText()),
						"the key " + component.path("path").asText() + " is used twice"));
			}
			if (component.path("components").isArray()) {
				collectKeys(component.path("components"), keys, file, problems);
			}
		}
	}

	/** Checks the form references of the user tasks of {@code model}. */
	void check(ModelFile file, BpmnModelInstance model, List<ModelProblem> problems) {
		for (UserTask task : model.getModelElementsByType(UserTask.class)) {
			String formRef = task.getCamundaFormRef();
			if (formRef == null) {
				continue;
			}
			Set<String> keys = formKeys.get(formRef);
			if (keys == null) {
				problems.add(new ModelProblem(file.name(), task.getId(), "camunda:formRef \"" + formRef
						+ "\" names no form of this deployment; deploy the form with the process"));
				continue;
			}
			for (String key : LifecycleContract.FORM_KEYS.getOrDefault(task.getId(), List.of())) {
				if (!keys.contains(key)) {
					problems.add(new ModelProblem(file.name(), task.getId(),
							"the form " + formRef + " lacks the field " + key + ", which the process reads"));
				}
			}
		}
	}

}
