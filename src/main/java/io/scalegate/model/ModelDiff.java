package io.scalegate.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * What a change does to a model, in lines a second process owner can review: for BPMN and
 * DMN the elements (by id) added, removed or changed, with their changed attributes and
 * texts (a decision table cell is an element with an id, so a changed threshold reads
 * {@code '[0..0.25]' → '[0..0.30]'}); a moved shape only as "layout changed". For forms
 * the fields (by id) added, removed or changed.
 */
public final class ModelDiff {

	static final int MAX_LINES = 60;

	private static final Set<String> LAYOUT_NAMESPACES = Set.of("http://www.omg.org/spec/BPMN/20100524/DI",
			"http://www.omg.org/spec/DMN/20191111/DMNDI/", "http://www.omg.org/spec/DD/20100524/DI",
			"http://www.omg.org/spec/DD/20100524/DC", "http://www.omg.org/spec/DMN/20180521/DI/",
			"http://www.omg.org/spec/DMN/20180521/DC/");

	private ModelDiff() {
	}

	/**
	 * The differences from {@code before} (null for a new file) to {@code after}, one per
	 * line.
	 */
	public static List<String> of(String fileName, String before, String after, ObjectMapper json) {
		if (before == null) {
			return List.of("new file " + fileName);
		}
		if (before.equals(after)) {
			return List.of("no change");
		}
		List<String> lines = fileName.endsWith(".form") ? form(before, after, json) : xml(fileName, before, after);
		if (lines.isEmpty()) {
			lines = List.of("formatting only (no element, attribute or text changed)");
		}
		if (lines.size() > MAX_LINES) {
			List<String> shown = new ArrayList<>(lines.subList(0, MAX_LINES));
			shown.add("… and " + (lines.size() - MAX_LINES) + " more");
			return shown;
		}
		return lines;
	}

	private static List<String> xml(String fileName, String before, String after) {
		List<ModelProblem> ignored = new ArrayList<>();
		Document old = XmlSafety.parse(new ModelFile(fileName, before.getBytes(StandardCharsets.UTF_8)), ignored);
		Document changed = XmlSafety.parse(new ModelFile(fileName, after.getBytes(StandardCharsets.UTF_8)), ignored);
		if (old == null || changed == null) {
			return List.of("the file changed (it does not parse, so no element-wise comparison)");
		}
		Map<String, Element> was = new LinkedHashMap<>();
		Map<String, Element> is = new LinkedHashMap<>();
		boolean[] layout = { false };
		index(old.getDocumentElement(), was);
		index(changed.getDocumentElement(), is);
		List<String> lines = new ArrayList<>();
		is.forEach((id, element) -> {
			Element previous = was.get(id);
			if (layout(element)) {
				layout[0] |= previous == null || !same(element, previous);
				return;
			}
			if (previous == null) {
				lines.add("added " + describe(element));
				return;
			}
			List<String> changes = new ArrayList<>();
			Map<String, String> a = attributes(previous);
			Map<String, String> b = attributes(element);
			b.forEach((name, value) -> {
				if (!Objects.equals(a.get(name), value)) {
					changes.add(name + " " + quote(a.get(name)) + " → " + quote(value));
				}
			});
			a.keySet().stream().filter(name -> !b.containsKey(name)).forEach(name -> changes.add(name + " removed"));
			String textBefore = ownText(previous);
			String textAfter = ownText(element);
			if (!Objects.equals(textBefore, textAfter)) {
				changes.add(quote(textBefore) + " → " + quote(textAfter));
			}
			if (!changes.isEmpty()) {
				lines.add("changed " + describe(element) + ": " + String.join(", ", changes));
			}
		});
		was.forEach((id, element) -> {
			if (!is.containsKey(id)) {
				if (layout(element)) {
					layout[0] = true;
				}
				else {
					lines.add("removed " + describe(element));
				}
			}
		});
		if (layout[0]) {
			lines.add("layout changed (shapes or edges moved)");
		}
		return lines;
	}

	/**
	 * Equal attributes, texts and child elements; whitespace between elements
	 * (formatting) does not count.
	 */
	private static boolean same(Element a, Element b) {
		if (!a.getLocalName().equals(b.getLocalName()) || !attributes(a).equals(attributes(b))) {
			return false;
		}
		List<Element> childrenA = children(a);
		List<Element> childrenB = children(b);
		if (childrenA.size() != childrenB.size()) {
			return false;
		}
		for (int i = 0; i < childrenA.size(); i++) {
			if (!same(childrenA.get(i), childrenB.get(i))) {
				return false;
			}
		}
		return childrenA.isEmpty() ? Objects.equals(a.getTextContent().strip(), b.getTextContent().strip()) : true;
	}

	private static List<Element> children(Element element) {
		List<Element> children = new ArrayList<>();
		NodeList nodes = element.getChildNodes();
		for (int i = 0; i < nodes.getLength(); i++) {
			if (nodes.item(i) instanceof Element child) {
				children.add(child);
			}
		}
		return children;
	}

	private static void index(Element element, Map<String, Element> byId) {
		String id = element.getAttribute("id");
		if (!id.isEmpty()) {
			byId.putIfAbsent(id, element);
		}
		NodeList children = element.getChildNodes();
		for (int i = 0; i < children.getLength(); i++) {
			if (children.item(i) instanceof Element child) {
				index(child, byId);
			}
		}
	}

	private static boolean layout(Element element) {
		return element.getNamespaceURI() != null && LAYOUT_NAMESPACES.contains(element.getNamespaceURI());
	}

	/** "inputEntry InputEntry_x (in Rule_y)", "userTask designFreeze 'Design freeze'". */
	private static String describe(Element element) {
		StringBuilder text = new StringBuilder(element.getLocalName()).append(' ').append(element.getAttribute("id"));
		String name = element.hasAttribute("name") ? element.getAttribute("name") : element.getAttribute("label");
		if (!name.isEmpty()) {
			text.append(" '").append(name).append('\'');
		}
		Node parent = element.getParentNode();
		if (parent instanceof Element owner && !owner.getAttribute("id").isEmpty()) {
			text.append(" (in ").append(owner.getAttribute("id")).append(')');
		}
		return text.toString();
	}

	private static Map<String, String> attributes(Element element) {
		Map<String, String> attributes = new LinkedHashMap<>();
		NamedNodeMap all = element.getAttributes();
		for (int i = 0; i < all.getLength(); i++) {
			Node attribute = all.item(i);
			if (!"http://www.w3.org/2000/xmlns/".equals(attribute.getNamespaceURI())) {
				attributes.put(attribute.getNodeName(), attribute.getNodeValue());
			}
		}
		return attributes;
	}

	/**
	 * The text of the element and of its children without an id (a DMN entry's
	 * {@code <text>}).
	 */
	private static String ownText(Element element) {
		StringBuilder text = new StringBuilder();
		NodeList children = element.getChildNodes();
		for (int i = 0; i < children.getLength(); i++) {
			Node child = children.item(i);
			if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
				text.append(child.getNodeValue());
			}
			else if (child instanceof Element inner && inner.getAttribute("id").isEmpty() && !layout(inner)) {
				text.append(ownText(inner));
			}
		}
		String stripped = text.toString().strip();
		return stripped.isEmpty() ? null : stripped;
	}

	private static List<String> form(String before, String after, ObjectMapper json) {
		try {
			Map<String, JsonNode> was = new LinkedHashMap<>();
			Map<String, JsonNode> is = new LinkedHashMap<>();
			JsonNode old = json.readTree(before);
			JsonNode changed = json.readTree(after);
			components(old.path("components"), was);
			components(changed.path("components"), is);
			List<String> lines = new ArrayList<>();
			is.forEach((id, field) -> {
				JsonNode previous = was.get(id);
				if (previous == null) {
					lines.add("added field " + field(field));
				}
				else if (!previous.equals(field)) {
					List<String> changes = new ArrayList<>();
					field.fieldNames().forEachRemaining(name -> {
						if (!name.equals("components") && !Objects.equals(previous.get(name), field.get(name))) {
							changes.add(name + " " + previous.get(name) + " → " + field.get(name));
						}
					});
					previous.fieldNames().forEachRemaining(name -> {
						if (!field.has(name)) {
							changes.add(name + " removed");
						}
					});
					if (!changes.isEmpty()) {
						lines.add("changed field " + field(field) + ": " + String.join(", ", changes));
					}
				}
			});
			was.forEach((id, field) -> {
				if (!is.containsKey(id)) {
					lines.add("removed field " + field(field));
				}
			});
			if (!Objects.equals(old.path("id"), changed.path("id"))) {
				lines.add(0, "form id " + old.path("id") + " → " + changed.path("id"));
			}
			return lines;
		}
		catch (Exception unreadable) {
			return List.of("the form changed (it is not JSON, so no field-wise comparison)");
		}
	}

	private static void components(JsonNode components, Map<String, JsonNode> byId) {
		for (JsonNode component : components) {
			String id = component.path("id").asText(component.path("key").asText(String.valueOf(byId.size())));
			byId.put(id, component);
			components(component.path("components"), byId);
		}
	}

	private static String field(JsonNode field) {
		String key = field.path("key").asText("");
		String label = field.path("label").asText(field.path("text").asText(""));
		return (key.isEmpty() ? field.path("id").asText() : key) + " (" + field.path("type").asText() + ")"
				+ (label.isEmpty() ? "" : " '" + label + "'");
	}

	private static String quote(String value) {
		return value == null ? "(none)" : "'" + value + "'";
	}

}
