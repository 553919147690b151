package io.scalegate.gate.feel;

import camundajar.impl.scala.util.Either;
import camundajar.impl.scala.util.Left;
import camundajar.impl.scala.util.Right;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.camunda.feel.FeelEngine.Failure;
import org.camunda.feel.syntaxtree.ParsedExpression;

/**
 * FEEL texts parsed once: the last {@code size} texts used (each at most
 * {@link #LONGEST_KEPT} characters), least recently used first out. Only a successful
 * parse is kept; a text that fails to parse is parsed again on every use and fails again
 * with the parser's own message. A text is its own key: two decisions (or a draft and the
 * deployed version) with the same text share one parsed expression, which holds no state
 * of an evaluation.
 */
final class ParsedExpressions {

	/**
	 * Texts longer than this are parsed on every use, never kept: the cache is bounded in
	 * count, and this bounds it in size too (a process owner's draft with a megabyte-long
	 * list would otherwise pin tens of megabytes per entry). A decision table's cells are
	 * far shorter.
	 */
	static final int LONGEST_KEPT = 4096;

	private final Function<String, Either<Failure, ParsedExpression>> parser;

	private final int size;

	private final Map<String, Either<Failure, ParsedExpression>> parsed;

	/**
	 * @param size the most texts kept; 0 keeps none (every use parses, as Camunda does)
	 */
	ParsedExpressions(int size, Function<String, Either<Failure, ParsedExpression>> parser) {
		if (size < 0) {
			throw new IllegalArgumentException("the FEEL expression cache size must be 0 or more, not " + size);
		}
		this.size = size;
		this.parser = parser;
		this.parsed = new LinkedHashMap<>(16, 0.75f, true) {
			@Override
			protected boolean removeEldestEntry(Map.Entry<String, Either<Failure, ParsedExpression>> eldest) {
				return size() > ParsedExpressions.this.size;
			}
		};
	}

	/**
	 * The text parsed: a {@code Right} with the expression or the parser's {@code Left}.
	 */
	Either<Failure, ParsedExpression> parse(String text) {
		if (text == null || size == 0 || text.length() > LONGEST_KEPT) {
			return parsed(text);
		}
		Either<Failure, ParsedExpression> kept;
		synchronized (parsed) {
			kept = parsed.get(text);
		}
		if (kept != null) {
			return kept;
		}
		Either<Failure, ParsedExpression> result = parsed(text);
		if (result instanceof Right) {
			synchronized (parsed) {
				parsed.put(text, result);
			}
		}
		return result;
	}

	/**
	 * The parser's result; an expression nested so deeply that the parser runs out of
	 * stack is a failure with a message, not an error that ends the request or thread.
	 */
	private Either<Failure, ParsedExpression> parsed(String text) {
		try {
			return parser.apply(text);
		}
		catch (StackOverflowError tooDeep) {
			return new Left<>(new Failure("failed to parse expression '" + abbreviated(text)
					+ "': it is nested too deeply to evaluate; write it with fewer levels of parentheses"));
		}
	}

	private static String abbreviated(String text) {
		return text.length() <= 80 ? text : text.substring(0, 80) + "…";
	}

	/** How many texts are kept now. */
	int size() {
		synchronized (parsed) {
			return parsed.size();
		}
	}

}
