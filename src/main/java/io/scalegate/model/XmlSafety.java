package io.scalegate.model;

import java.io.ByteArrayInputStream;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.xml.sax.SAXParseException;

/**
 * Reads model XML without trusting it: a DOCTYPE is refused (so no entities, external or
 * expanding), external DTDs and schemas are never fetched, XInclude is off and the JDK's
 * secure processing limits apply. XML that is not well-formed is a problem at its line
 * and column.
 */
final class XmlSafety {

	private XmlSafety() {
	}

	/**
	 * The document, namespace-aware; null, with the reason in {@code problems}, when it
	 * does not parse.
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
			problems.add(ModelProblem.unreadable(file, "the XML does not parse", e));
		}
		return null;
	}

}
