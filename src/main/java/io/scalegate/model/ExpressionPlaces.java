package io.scalegate.model;

import java.util.Map;
import java.util.function.BiPredicate;
import java.util.function.Consumer;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Wherever a BPMN element can hold an expression (any attribute value, and the element's
 * own text: conditions, input and output parameters, fields, assignees and candidates,
 * due and follow-up dates, priorities, timers, multi-instance collections and conditions,
 * called elements, error and escalation codes…), a value holding {@code ${} or {@code #{}
 * must be in {@link ExpressionGrammar} and may not use a ScaleGate step as a value. Each
 * refusal says where, in a process owner's words, the value, and why.
 */
final class ExpressionPlaces {

	/** What an expression in a model may do, said after every refusal. */
	static final String ALLOWED = "an expression in a model may only compare process variables with values "
			+ "(==, !=, <, <=, >, >=, and, or, not)";

	/** What a process owner calls an element holding an expression as its text. */
	private static final Map<String, String> NAMES = Map.ofEntries(Map.entry("conditionExpression", "the condition"),
			Map.entry("completionCondition", "the completion condition"),
			Map.entry("loopCardinality", "the loop cardinality"), Map.entry("timeDuration", "the timer"),
			Map.entry("timeDate", "the timer"), Map.entry("timeCycle", "the timer"),
			Map.entry("inputParameter", "the input parameter"), Map.entry("outputParameter", "the output parameter"),
			Map.entry("field", "the field"), Map.entry("documentation", "the documentation"),
			Map.entry("script", "the script"));

	private ExpressionPlaces() {
	}

	/**
	 * Checks the element's attributes (except those {@code checkedElsewhere}) and its own
	 * text.
	 */
	static void check(Element element, BiPredicate<Element, Attr> checkedElsewhere, Consumer<String> refuse) {
		NamedNodeMap attributes = element.getAttributes();
		for (int i = 0; i < attributes.getLength(); i++) {
			Attr attribute = (Attr) attributes.item(i);
			if (!checkedElsewhere.test(element, attribute)) {
				check(describe(element, attribute), attribute.getValue(), refuse);
			}
		}
		check(describe(element), text(element), refuse);
	}

	private static void check(String where, String value, Consumer<String> refuse) {
		if (!ExpressionGrammar.holdsExpression(value)) {
			return;
		}
		ExpressionGrammar.Reading reading = ExpressionGrammar.read(value.strip());
		if (!reading.allowed()) {
			refuse.accept(where + " " + value.strip() + " " + reading.refusal() + "; " + ALLOWED);
			return;
		}
		reading.variables()
			.stream()
			.filter(CodeSafety.STEP_BEANS::contains)
			.findFirst()
			.ifPresent(step -> refuse.accept(where + " " + value.strip() + " uses ScaleGate's step " + step
					+ " as a value; a step is named only as a delegate expression, and " + ALLOWED));
	}

	/** The element's own text (its text and CDATA children, not its descendants'). */
	private static String text(Element element) {
		StringBuilder text = new StringBuilder();
		NodeList children = element.getChildNodes();
		for (int i = 0; i < children.getLength(); i++) {
			Node child = children.item(i);
			if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
				text.append(child.getNodeValue());
			}
		}
		return text.toString();
	}

	/**
	 * What a process owner calls the element, or the named parameter or field it is part
	 * of ("the condition", "the input parameter targetStage"), else its XML name.
	 */
	static String describe(Element element) {
		for (Node node = element; node instanceof Element current; node = node.getParentNode()) {
			String name = NAMES.get(current.getLocalName());
			if (name != null) {
				return current.hasAttribute("name") ? name + " " + current.getAttribute("name") : name;
			}
		}
		return element.getNodeName();
	}

	/**
	 * An attribute as written ({@code camunda:dueDate}, {@code calledElement}); one
	 * without a namespace on a Camunda element with its element's name
	 * ({@code camunda:in sourceExpression}, or the field it belongs to).
	 */
	private static String describe(Element element, Attr attribute) {
		if (attribute.getNamespaceURI() != null || CodeSafety.BPMN.equals(element.getNamespaceURI())) {
			return attribute.getName();
		}
		return "field".equals(element.getLocalName()) ? describe(element)
				: element.getNodeName() + " " + attribute.getName();
	}

}
