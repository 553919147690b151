package io.scalegate.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.InformationRequirement;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.springframework.stereotype.Service;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXParseException;

/**
 * Checks models before they are deployed, together as one deployment: the XML parses
 * (external entities and DOCTYPEs refused), Camunda's model parsers accept it, nothing
 * runs arbitrary code (script tasks, scripts, {@code camunda:class},
 * {@code camunda:expression}, delegate expressions naming anything but ScaleGate's
 * steps), the lifecycle keeps its contract tasks and groups, every form reference
 * resolves to a form of the deployment holding the keys the process reads, and the gate
 * decisions keep the public contract (keys, inputs and types, outputs and values,
 * COLLECT).
 */
@Service
public class ModelValidation {

	static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";

	static final String CAMUNDA_BPMN = "http://camunda.org/schema/1.0/bpmn";

	private static final Pattern STEP = Pattern.compile("\\$\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*\\}");

	private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"");

	private final ObjectMapper json;

	ModelValidation(ObjectMapper json) {
		this.json = json;
	}

	public List<ModelProblem> validate(Collection<ModelFile> files) {
		List<ModelProblem> problems = new ArrayList<>();
		Map<String, Set<String>> formKeys = new HashMap<>();
		for (ModelFile file : files) {
			if (kind(file).equals("form")) {
				form(file, problems, formKeys);
			}
		}
		for (ModelFile file : files) {
			switch (kind(file)) {
				case "bpmn" -> bpmn(file, problems, formKeys);
				case "dmn" -> dmn(file, problems);
				case "form" -> {
				}
				default ->
					problems.add(new ModelProblem(file.name(), "", "only .bpmn, .dmn and .form files can be deployed"));
			}
		}
		return problems;
	}

	public static String kind(ModelFile file) {
		String name = file.name().toLowerCase(Locale.ROOT);
		if (name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml")) {
			return "bpmn";
		}
		if (name.endsWith(".dmn") || name.endsWith(".dmn11.xml")) {
			return "dmn";
		}
		return name.endsWith(".form") ? "form" : "other";
	}

	private void form(ModelFile file, List<ModelProblem> problems, Map<String, Set<String>> formKeys) {
		JsonNode form;
		try {
			form = json.readTree(file.content());
		}
		catch (Exception e) {
			problems.add(new ModelProblem(file.name(), "", "is not JSON: " + firstLine(e.getMessage())));
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
			if (component.path("components").isArray()) {
				collectKeys(component.path("components"), keys, file, problems);
			}
		}
	}

	private void bpmn(ModelFile file, List<ModelProblem> problems, Map<String, Set<String>> formKeys) {
		Document document = parse(file, problems);
		if (document == null) {
			return;
		}
		noArbitraryCode(file, document.getDocumentElement(), problems);
		BpmnModelInstance model;
		try {
			model = Bpmn.readModelFromStream(new ByteArrayInputStream(file.content()));
		}
		catch (RuntimeException e) {
			problems
				.add(new ModelProblem(file.name(), "", "Camunda cannot read it as BPMN: " + firstLine(e.getMessage())));
			return;
		}
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
			for (String key : ModelContract.FORM_KEYS.getOrDefault(task.getId(), List.of())) {
				if (!keys.contains(key)) {
					problems.add(new ModelProblem(file.name(), task.getId(),
							"the form " + formRef + " lacks the field " + key + ", which the process reads"));
				}
			}
		}
		for (Process process : model.getModelElementsByType(Process.class)) {
			if (io.scalegate.gate.ProductLifecycle.PROCESS_KEY.equals(process.getId())) {
				lifecycleContract(file, model, problems);
			}
		}
	}

	private static void lifecycleContract(ModelFile file, BpmnModelInstance model, List<ModelProblem> problems) {
		Map<String, UserTask> tasks = new HashMap<>();
		model.getModelElementsByType(UserTask.class).forEach(task -> tasks.put(task.getId(), task));
		ModelContract.TASK_GROUPS.forEach((id, group) -> {
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
		for (String key : List.of(io.scalegate.gate.ProductLifecycle.MASS_PRODUCTION_GATE,
				io.scalegate.gate.ProductLifecycle.GATE_REASONS)) {
			if (!decisions.contains(key)) {
				problems.add(new ModelProblem(file.name(), PROCESS_ELEMENT,
						"the lifecycle no longer evaluates the decision " + key));
			}
		}
	}

	static final String PROCESS_ELEMENT = io.scalegate.gate.ProductLifecycle.PROCESS_KEY;

	/**
	 * Script tasks, scripts, Java classes and expressions run code a process owner cannot
	 * review: refused.
	 */
	private static void noArbitraryCode(ModelFile file, Element element, List<ModelProblem> problems) {
		if (BPMN.equals(element.getNamespaceURI()) && "scriptTask".equals(element.getLocalName())) {
			problems
				.add(new ModelProblem(file.name(), id(element), "script tasks run arbitrary code and are not allowed"));
		}
		if (CAMUNDA_BPMN.equals(element.getNamespaceURI()) && "script".equals(element.getLocalName())) {
			problems.add(new ModelProblem(file.name(), id(element), "scripts run arbitrary code and are not allowed"));
		}
		NamedNodeMap attributes = element.getAttributes();
		for (int i = 0; i < attributes.getLength(); i++) {
			Attr attribute = (Attr) attributes.item(i);
			if (!CAMUNDA_BPMN.equals(attribute.getNamespaceURI())
					&& !(attribute.getNamespaceURI() == null && CAMUNDA_BPMN.equals(element.getNamespaceURI()))) {
				continue;
			}
			String name = attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
			switch (name) {
				case "class" ->
					problems.add(new ModelProblem(file.name(), id(element), "camunda:class " + attribute.getValue()
							+ " runs Java code; use one of ScaleGate's steps " + ModelContract.STEP_BEANS));
				case "expression" ->
					problems.add(new ModelProblem(file.name(), id(element), "camunda:expression " + attribute.getValue()
							+ " can call any code; use one of ScaleGate's steps " + ModelContract.STEP_BEANS));
				case "formKey" -> problems.add(new ModelProblem(file.name(), id(element), "camunda:formKey "
						+ attribute.getValue()
						+ " is not a form ScaleGate can show; reference a Camunda Form of the deployment with camunda:formRef"));
				case "delegateExpression" -> {
					Matcher step = STEP.matcher(attribute.getValue());
					if (!step.matches() || !ModelContract.STEP_BEANS.contains(step.group(1))) {
						problems.add(
								new ModelProblem(file.name(), id(element), "delegate expression " + attribute.getValue()
										+ " names no ScaleGate step; allowed: " + ModelContract.STEP_BEANS));
					}
				}
				default -> {
				}
			}
		}
		NodeList children = element.getChildNodes();
		for (int i = 0; i < children.getLength(); i++) {
			if (children.item(i) instanceof Element child) {
				noArbitraryCode(file, child, problems);
			}
		}
	}

	private void dmn(ModelFile file, List<ModelProblem> problems) {
		if (parse(file, problems) == null) {
			return;
		}
		DmnModelInstance model;
		try {
			model = Dmn.readModelFromStream(new ByteArrayInputStream(file.content()));
			DmnEngineConfiguration.createDefaultDmnEngineConfiguration()
				.buildEngine()
				.parseDecisionRequirementsGraph(model);
		}
		catch (RuntimeException e) {
			problems
				.add(new ModelProblem(file.name(), "", "Camunda cannot read it as DMN: " + firstLine(e.getMessage())));
			return;
		}
		Map<String, Decision> decisions = new HashMap<>();
		model.getModelElementsByType(Decision.class).forEach(decision -> decisions.put(decision.getId(), decision));
		boolean gateModel = ModelContract.OUTPUTS.keySet().stream().anyMatch(decisions::containsKey)
				|| io.scalegate.gate.ProductLifecycle.GATE_DRD_KEY.equals(model.getDefinitions().getId());
		if (!gateModel) {
			return;
		}
		for (String key : ModelContract.OUTPUTS.keySet()) {
			Decision decision = decisions.get(key);
			if (decision == null) {
				problems.add(new ModelProblem(file.name(), key, "the contract decision " + key + " is missing"));
				continue;
			}
			if (!(decision.getExpression() instanceof DecisionTable table)) {
				problems.add(new ModelProblem(file.name(), key,
						"the contract decision " + key + " must stay a decision table"));
				continue;
			}
			contractInputs(file, key, decision, table, problems);
			contractOutputs(file, key, table, problems);
			if (io.scalegate.gate.ProductLifecycle.GATE_REASONS.equals(key)
					&& table.getHitPolicy() != HitPolicy.COLLECT) {
				problems
					.add(new ModelProblem(file.name(), table.getId(), "gateReasons must keep the hit policy COLLECT"));
			}
		}
	}

	private static void contractInputs(ModelFile file, String key, Decision decision, DecisionTable table,
			List<ModelProblem> problems) {
		List<Input> inputs = new ArrayList<>();
		collectInputs(decision, inputs, new HashSet<>());
		ModelContract.INPUTS.get(key).forEach((variable, type) -> {
			Pattern reads = Pattern.compile("\\b" + variable + "\\b");
			List<Input> reading = inputs.stream()
				.filter(input -> input.getInputExpression() != null && input.getInputExpression().getText() != null
						&& reads.matcher(input.getInputExpression().getText().getTextContent()).find())
				.toList();
			if (reading.isEmpty()) {
				problems.add(new ModelProblem(file.name(), key, "no longer reads the contract input " + variable));
			}
			for (Input input : reading) {
				String text = input.getInputExpression().getText().getTextContent().strip();
				String typeRef = input.getInputExpression().getTypeRef();
				if (text.equals(variable) && typeRef != null && !typeRef.equals(type)) {
					problems.add(new ModelProblem(file.name(), input.getId(),
							"the input " + variable + " must keep the type " + type + ", not " + typeRef));
				}
			}
		});
	}

	private static void collectInputs(Decision decision, List<Input> inputs, Set<String> seen) {
		if (!seen.add(decision.getId())) {
			return;
		}
		if (decision.getExpression() instanceof DecisionTable table) {
			inputs.addAll(table.getInputs());
		}
		for (InformationRequirement requirement : decision.getInformationRequirements()) {
			if (requirement.getRequiredDecision() != null) {
				collectInputs(requirement.getRequiredDecision(), inputs, seen);
			}
		}
	}

	private static void contractOutputs(ModelFile file, String key, DecisionTable table, List<ModelProblem> problems) {
		List<Output> outputs = new ArrayList<>(table.getOutputs());
		ModelContract.OUTPUTS.get(key).forEach((name, allowed) -> {
			int index = -1;
			for (int i = 0; i < outputs.size(); i++) {
				if (name.equals(outputs.get(i).getName())) {
					index = i;
				}
			}
			if (index < 0) {
				problems.add(new ModelProblem(file.name(), table.getId(),
						"the output " + name + " of " + key + " is missing"));
				return;
			}
			for (Rule rule : table.getRules()) {
				List<OutputEntry> entries = new ArrayList<>(rule.getOutputEntries());
				if (index >= entries.size() || entries.get(index).getText() == null) {
					continue;
				}
				Matcher value = QUOTED.matcher(entries.get(index).getText().getTextContent());
				while (value.find()) {
					if (!allowed.contains(value.group(1))) {
						problems.add(new ModelProblem(file.name(), rule.getId(),
								"the output " + name + " may only be one of " + new java.util.TreeSet<>(allowed)
										+ ", not \"" + value.group(1) + "\""));
					}
				}
			}
		});
	}

	/**
	 * Parses with DOCTYPEs and external entities refused (no XXE), reporting where it
	 * fails.
	 */
	static Document parse(ModelFile file, List<ModelProblem> problems) {
		try {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
			factory.setNamespaceAware(true);
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
			factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
			factory.setXIncludeAware(false);
			factory.setExpandEntityReferences(false);
			DocumentBuilder builder = factory.newDocumentBuilder();
			builder.setErrorHandler(null);
			return builder.parse(new ByteArrayInputStream(file.content()));
		}
		catch (SAXParseException e) {
			problems.add(new ModelProblem(file.name(), "line " + e.getLineNumber() + ":" + e.getColumnNumber(),
					"the XML does not parse: " + e.getMessage()));
		}
		catch (Exception e) {
			problems.add(new ModelProblem(file.name(), "", "the XML does not parse: " + firstLine(e.getMessage())));
		}
		return null;
	}

	private static String id(Element element) {
		for (Node node = element; node instanceof Element current; node = node.getParentNode()) {
			if (!current.getAttribute("id").isEmpty()) {
				return current.getAttribute("id");
			}
		}
		return element.getLocalName();
	}

	private static String firstLine(String text) {
		if (text == null) {
			return "";
		}
		int end = text.indexOf('\n');
		return end < 0 ? text : text.substring(0, end);
	}

}
