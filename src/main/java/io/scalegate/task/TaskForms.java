package io.scalegate.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Service;

/**
 * The Camunda Form a task is bound to ({@code camunda:formRef}) and the variables it
 * shows.
 */
@Service
public class TaskForms {

	private final FormService forms;

	private final TaskService tasks;

	private final ObjectMapper json;

	TaskForms(FormService forms, TaskService tasks, ObjectMapper json) {
		this.forms = forms;
		this.tasks = tasks;
		this.json = json;
	}

	public JsonNode form(String taskId) {
		try (InputStream in = forms.getDeployedTaskForm(taskId)) {
			return json.readTree(in);
		}
		catch (IOException e) {
			throw new IllegalStateException("the form of task " + taskId + " cannot be read", e);
		}
	}

	public Map<String, Object> variables(String taskId) {
		return tasks.getVariables(taskId);
	}

}
