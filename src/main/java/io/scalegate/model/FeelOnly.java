package io.scalegate.model;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.w3c.dom.Element;

/**
 * Decisions are written in FEEL only: FEEL cannot reach Java, while the other languages
 * Camunda's DMN engine accepts (JUEL, JavaScript, Groovy…) can. An
 * {@code expressionLanguage} other than FEEL is refused wherever it is written: on the
 * definitions (the default of all their expressions), a decision, an input expression, an
 * input or output entry, or a literal expression. Without one, Camunda reads FEEL.
 */
final class FeelOnly {

	/** The names by which Camunda's DMN engine reads FEEL (the DMN 1.1 to 1.5 URIs). */
	private static final Set<String> FEEL = Set.of("http://www.omg.org/spec/FEEL/20140401",
			"http://www.omg.org/spec/DMN/20180521/FEEL/", "https://www.omg.org/spec/DMN/20191111/FEEL/",
			"https://www.omg.org/spec/DMN/20211108/FEEL/", "https://www.omg.org/spec/DMN/20230324/FEEL/");

	/** What a process owner calls the DMN element. */
	private static final Map<String, String> NAMES = Map.of("definitions", "the decisions of this file", "decision",
			"the decision", "inputExpression", "the input expression", "inputEntry", "the input entry", "outputEntry",
			"the output entry", "literalExpression", "the literal expression");

	private FeelOnly() {
	}

	/**
	 * A FEEL function definition that calls Java ({@code function(x) external {java:
	 * …}}). Camunda's FEEL engine refuses to run it today; the model is refused anyway,
	 * so a future engine setting cannot make it run.
	 */
	private static final Pattern EXTERNAL_FUNCTION = Pattern.compile("\\bfunction\\s*\\(.*?\\)\\s*external\\b",
			Pattern.DOTALL);

	/**
	 * FEEL text with its comments ({@code /* … *}{@code /}, {@code // …}) blanked, so
	 * that a comment between {@code function(…)} and {@code external} hides nothing.
	 * Inside a string this may blank more than a comment, which can only make a refusal
	 * likelier.
	 */
	static String withoutComments(String feel) {
		return feel.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("//[^\\n]*", " ");
	}

	/**
	 * Refuses the element's {@code expressionLanguage} unless it is FEEL, and FEEL text
	 * that defines an external (Java) function.
	 */
	static void check(Element element, Consumer<String> refuse) {
		if ("text".equals(element.getLocalName())
				&& EXTERNAL_FUNCTION.matcher(withoutComments(element.getTextContent())).find()) {
			refuse.accept("the expression " + element.getTextContent().strip()
					+ " defines a FEEL function that calls Java (external) and is not allowed");
		}
		if (!element.hasAttribute("expressionLanguage")) {
			return;
		}
		String language = element.getAttribute("expressionLanguage");
		if (!FEEL.contains(language) && !language.toLowerCase(Locale.ROOT).equals("feel")) {
			refuse.accept(NAMES.getOrDefault(element.getLocalName(), element.getLocalName()) + " is written in "
					+ language + ": ScaleGate's decisions are written in FEEL only, which cannot run code; "
					+ "remove expressionLanguage=\"" + language + "\"");
		}
	}

}
