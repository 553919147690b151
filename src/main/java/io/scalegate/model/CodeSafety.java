package io.scalegate.model;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Refuses what in a model runs code a process owner cannot review. In a BPMN: script
 * tasks, scripts, script languages ({@code language}) and script files
 * ({@code camunda:resource}), Java classes ({@code camunda:class},
 * {@code camunda:variableMappingClass}), expressions run for their effect
 * ({@code camunda:expression}, listener expressions), delegate expressions naming
 * anything but one of ScaleGate's {@link #STEP_BEANS steps}, and every other expression
 * outside the small {@link ExpressionGrammar} ({@link ExpressionPlaces}). The same walk
 * refuses {@code camunda:formKey}: such forms (embedded HTML with its scripts, or another
 * application) are not forms ScaleGate can show. In a DMN: any expression language but
 * FEEL ({@link FeelOnly}).
 * <p>
 * Every element is checked, in document order, by each of the {@link #BPMN_RULES}; a
 * problem names the element, or its nearest ancestor with an id. To refuse more, add a
 * {@link Rule} for elements, or an {@link AttributeRule} to {@link #CAMUNDA_ATTRIBUTES}
 * for a Camunda attribute on any element.
 */
final class CodeSafety {

	static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";

	/**
	 * Camunda's extension namespaces: the engine still reads {@code activiti:} attributes
	 * and elements as {@code camunda:} ones.
	 */
	private static final Set<String> CAMUNDA_BPMN = Set.of("http://camunda.org/schema/1.0/bpmn",
			"http://activiti.org/bpmn");

	/**
	 * The Spring beans a BPMN may name in a delegate expression: ScaleGate's own steps.
	 */
	static final Set<String> STEP_BEANS = Set.of("changeStage", "computeGateEvidence", "recordGateDecision",
			"escalateOverdueTask", "gateEvaluated", "raiseGateConditions", "prepareGateCondition",
			"escalateGateCondition", "recordConditionClosed", "clearConditionalMark");

	private static final Pattern STEP = Pattern.compile("\\$\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*\\}");

	/** A check on one element (not its children). */
	@FunctionalInterface
	interface Rule {

		/** Passes each reason {@code element} may not be deployed to {@code refuse}. */
		void check(Element element, Consumer<String> refuse);

	}

	/** A check on the value of one Camunda attribute. */
	@FunctionalInterface
	interface AttributeRule {

		/** Why {@code value} may not be deployed, or null when it may. */
		String refusal(String value);

	}

	/**
	 * Camunda attribute (its local name) → its check. Every other attribute holding an
	 * expression is read by {@link ExpressionPlaces}.
	 */
	private static final Map<String, AttributeRule> CAMUNDA_ATTRIBUTES = Map.of("class", CodeSafety::javaClass,
			"variableMappingClass", CodeSafety::variableMappingClass, "expression", CodeSafety::expression,
			"delegateExpression", CodeSafety::delegateExpression, "variableMappingDelegateExpression",
			CodeSafety::delegateExpression, "formKey", CodeSafety::formKey, "resource", CodeSafety::resource, "type",
			CodeSafety::taskType);

	/** The checks on every element of a BPMN, in the order their problems are listed. */
	private static final List<Rule> BPMN_RULES = List.of(
			refused(BPMN, "scriptTask", "script tasks run arbitrary code and are not allowed"),
			refused(CAMUNDA_BPMN, "script", "scripts run arbitrary code and are not allowed"),
			refused(CAMUNDA_BPMN, "connector",
					"connectors call other systems from inside the engine and are not allowed; use one of ScaleGate's steps "
							+ STEP_BEANS),
			CodeSafety::formFieldValidator, CodeSafety::scriptLanguage, CodeSafety::camundaAttributes,
			(element, refuse) -> ExpressionPlaces.check(element, CodeSafety::checkedAsCamundaAttribute, refuse));

	/** The checks on every element of a DMN. */
	private static final List<Rule> DMN_RULES = List.of(FeelOnly::check);

	private CodeSafety() {
	}

	/** Checks every element of the BPMN {@code document} by the {@link #BPMN_RULES}. */
	static void bpmn(ModelFile file, Document document, List<ModelProblem> problems) {
		check(file, document.getDocumentElement(), BPMN_RULES, problems);
	}

	/** Checks every element of the DMN {@code document} by the {@link #DMN_RULES}. */
	static void dmn(ModelFile file, Document document, List<ModelProblem> problems) {
		check(file, document.getDocumentElement(), DMN_RULES, problems);
	}

	private static void check(ModelFile file, Element element, List<Rule> rules, List<ModelProblem> problems) {
		for (Rule rule : rules) {
			rule.check(element, message -> problems.add(new ModelProblem(file.name(), id(element), message)));
		}
		NodeList children = element.getChildNodes();
		for (int i = 0; i < children.getLength(); i++) {
			if (children.item(i) instanceof Element child) {
				check(file, child, rules, problems);
			}
		}
	}

	/** Refuses every element {@code name} of {@code namespace}, for {@code reason}. */
	private static Rule refused(String namespace, String name, String reason) {
		return refused(Set.of(namespace), name, reason);
	}

	/**
	 * Refuses every element {@code name} of any of {@code namespaces}, for
	 * {@code reason}.
	 */
	private static Rule refused(Set<String> namespaces, String name, String reason) {
		return (element, refuse) -> {
			if (element.getNamespaceURI() != null && namespaces.contains(element.getNamespaceURI())
					&& name.equals(element.getLocalName())) {
				refuse.accept(reason);
			}
		};
	}

	/**
	 * Refuses a {@code language} on a BPMN element: a condition or expression in a
	 * language is a script.
	 */
	private static void scriptLanguage(Element element, Consumer<String> refuse) {
		if (BPMN.equals(element.getNamespaceURI()) && element.hasAttribute("language")) {
			refuse.accept(ExpressionPlaces.describe(element) + " is written in " + element.getAttribute("language")
					+ ": scripts run arbitrary code and are not allowed; write it as an expression, without a language");
		}
	}

	/**
	 * Checks the element's Camunda attributes ({@code camunda:x}, or {@code x} on a
	 * {@code camunda:} element) by {@link #CAMUNDA_ATTRIBUTES}, in the element's order.
	 */
	private static void camundaAttributes(Element element, Consumer<String> refuse) {
		NamedNodeMap attributes = element.getAttributes();
		for (int i = 0; i < attributes.getLength(); i++) {
			Attr attribute = (Attr) attributes.item(i);
			AttributeRule rule = camundaRule(element, attribute);
			String refusal = rule == null ? null : rule.refusal(attribute.getValue());
			if (refusal != null) {
				refuse.accept(refusal);
			}
		}
	}

	private static boolean camunda(String namespace) {
		return namespace != null && CAMUNDA_BPMN.contains(namespace);
	}

	/** Whether {@link #camundaAttributes} checks {@code attribute} by its own rule. */
	private static boolean checkedAsCamundaAttribute(Element element, Attr attribute) {
		return camundaRule(element, attribute) != null;
	}

	/**
	 * The rule for a Camunda attribute, or null. The {@code expression} of a
	 * {@code camunda:field} is a value, read by {@link ExpressionPlaces} like any other.
	 */
	private static AttributeRule camundaRule(Element element, Attr attribute) {
		boolean onCamundaElement = attribute.getNamespaceURI() == null && camunda(element.getNamespaceURI());
		if (!camunda(attribute.getNamespaceURI()) && !onCamundaElement) {
			return null;
		}
		String name = attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
		if (onCamundaElement && name.equals("expression") && "field".equals(element.getLocalName())) {
			return null;
		}
		if (onCamundaElement && name.equals("type")) {
			return null; // a form field's or property's type, not a task's
		}
		return CAMUNDA_ATTRIBUTES.get(name);
	}

	private static String javaClass(String value) {
		return "camunda:class " + value + " runs Java code; use one of ScaleGate's steps " + STEP_BEANS;
	}

	/**
	 * {@code camunda:type} makes a service, send or business rule task run one of the
	 * engine's built-in behaviours (a shell command, an e-mail) instead of a step; only
	 * {@code external} (work handed to an outside worker, which runs nothing in the
	 * engine) is allowed.
	 */
	private static String taskType(String value) {
		return "external".equals(value) ? null : "camunda:type " + value
				+ " makes the engine run a built-in behaviour (a shell command, an e-mail…) and is not allowed; use one of ScaleGate's steps "
				+ STEP_BEANS;
	}

	/**
	 * A Camunda form field constraint {@code validator} names a Java class (or an
	 * expression) that runs when the form is submitted.
	 */
	private static void formFieldValidator(Element element, Consumer<String> refuse) {
		if (camunda(element.getNamespaceURI()) && "constraint".equals(element.getLocalName())
				&& "validator".equals(element.getAttribute("name"))) {
			refuse.accept("the form field validator " + element.getAttribute("config")
					+ " runs Java code and is not allowed; ScaleGate's forms are Camunda Forms (camunda:formRef)");
		}
	}

	private static String variableMappingClass(String value) {
		return "camunda:variableMappingClass " + value + " runs Java code and is not allowed";
	}

	private static String resource(String value) {
		return "camunda:resource " + value
				+ " loads a script from a file: scripts run arbitrary code and are not allowed";
	}

	private static String expression(String value) {
		return "camunda:expression " + value + " can call any code; use one of ScaleGate's steps " + STEP_BEANS;
	}

	/** Only {@code ${bean}} naming one of ScaleGate's steps. */
	private static String delegateExpression(String value) {
		Matcher step = STEP.matcher(value);
		return step.matches() && STEP_BEANS.contains(step.group(1)) ? null
				: "delegate expression " + value + " names no ScaleGate step; allowed: " + STEP_BEANS;
	}

	private static String formKey(String value) {
		return "camunda:formKey " + value
				+ " is not a form ScaleGate can show; reference a Camunda Form of the deployment with camunda:formRef";
	}

	/** The element's id, or its nearest ancestor's, or else its name. */
	static String id(Element element) {
		for (Node node = element; node instanceof Element current; node = node.getParentNode()) {
			if (!current.getAttribute("id").isEmpty()) {
				return current.getAttribute("id");
			}
		}
		return element.getLocalName();
	}

}
