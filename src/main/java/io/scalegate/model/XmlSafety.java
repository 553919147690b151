package io.scalegate.model;

import java.io.ByteArrayInputStream;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.w3c.dom.Document;
import org.xml.sax.SAXParseException;

/**
 * Reads model XML without trusting it: a DOCTYPE is refused (so no entities, external or
 * expanding), external DTDs and schemas are never fetched, XInclude is off and the JDK's
 * secure processing limits apply. XML that is not well-formed is a problem at its line
 * and column.
 */
final class XmlSafety {

	/**
	 * How deep elements may nest. ScaleGate's own models nest about 10 levels; Camunda's
	 * parsers and the checks here walk the tree recursively, and a few thousand levels
	 * overflow the stack.
	 */
	static final int MAX_DEPTH = 200;

	private XmlSafety() {
	}

	/**
	 * The document, namespace-aware; null, with the reason in {@code problems}, when it
	 * does not parse.
	 */
	static Document parse(ModelFile file, List<ModelProblem> problems) {
		if (!shallowEnough(file, problems)) {
			return null;
		}
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
			problems.add(ModelProblem.unreadable(file, "the XML does not parse", e));
		}
		return null;
	}

	/**
	 * Streams through the XML (no DTD, no entities) before anything builds a tree of it:
	 * false, with the place in {@code problems}, when elements nest deeper than
	 * {@link #MAX_DEPTH}.
	 */
	private static boolean shallowEnough(ModelFile file, List<ModelProblem> problems) {
		XMLInputFactory factory = XMLInputFactory.newFactory();
		factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
		XMLStreamReader reader = null;
		try {
			reader = factory.createXMLStreamReader(new ByteArrayInputStream(file.content()));
			int depth = 0;
			while (reader.hasNext()) {
				int event = reader.next();
				if (event == XMLStreamConstants.START_ELEMENT && ++depth > MAX_DEPTH) {
					Location at = reader.getLocation();
					problems
						.add(new ModelProblem(file.name(), "line " + at.getLineNumber() + ":" + at.getColumnNumber(),
								"the XML nests elements deeper than " + MAX_DEPTH + " levels"));
					return false;
				}
				if (event == XMLStreamConstants.END_ELEMENT) {
					depth--;
				}
			}
			return true;
		}
		catch (XMLStreamException e) {
			// not well-formed: the parser below says where
			return true;
		}
		finally {
			if (reader != null) {
				try {
					reader.close();
				}
				catch (XMLStreamException ignored) {
					// nothing held open: the input is in memory
				}
			}
		}
	}

}
