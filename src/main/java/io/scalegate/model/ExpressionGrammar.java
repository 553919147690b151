package io.scalegate.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The only expressions a ScaleGate model may hold, read as Camunda's JUEL would read
 * them. A text holds literal text and any number of {@code ${…}} or {@code #{…}}, each of
 * which may only be
 *
 * <pre>
 * expression := or
 * or         := and (("||" | "or") and)*
 * and        := equality (("&amp;&amp;" | "and") equality)*
 * equality   := relation (("==" | "!=" | "eq" | "ne") relation)*
 * relation   := unary (("&lt;" | "&lt;=" | "&gt;" | "&gt;=" | "lt" | "le" | "gt" | "ge") unary)*
 * unary      := ("!" | "not") unary | "(" expression ")" | value
 * value      := variable | 'text' | "text" | ["-"] number | true | false | null
 * </pre>
 *
 * No method or function call, no property or index access, no arithmetic, no choice
 * ({@code ? :}): what reads a variable cannot reach anything else. A backslash does not
 * escape {@code ${}: every {@code ${} starts an expression.
 */
final class ExpressionGrammar {

	/**
	 * The variables an allowed text reads, or why it is not allowed (null when it is).
	 */
	record Reading(List<String> variables, String refusal) {

		boolean allowed() {
			return refusal == null;
		}

	}

	private enum Kind {

		VARIABLE, TEXT, NUMBER, LITERAL, COMPARISON, AND, OR, NOT, OPEN, CLOSE, MINUS, END, OTHER, EOF

	}

	private record Token(Kind kind, String image, int start, int end) {
	}

	private static final Map<String, Kind> KEYWORDS = Map.ofEntries(Map.entry("true", Kind.LITERAL),
			Map.entry("false", Kind.LITERAL), Map.entry("null", Kind.LITERAL), Map.entry("eq", Kind.COMPARISON),
			Map.entry("ne", Kind.COMPARISON), Map.entry("lt", Kind.COMPARISON), Map.entry("le", Kind.COMPARISON),
			Map.entry("gt", Kind.COMPARISON), Map.entry("ge", Kind.COMPARISON), Map.entry("and", Kind.AND),
			Map.entry("or", Kind.OR), Map.entry("not", Kind.NOT), Map.entry("div", Kind.OTHER),
			Map.entry("mod", Kind.OTHER), Map.entry("empty", Kind.OTHER), Map.entry("instanceof", Kind.OTHER));

	/** Why a text is refused: the reason in a process owner's words. */
	private static final class Refused extends RuntimeException {

		Refused(String reason) {
			super(reason, null, false, false);
		}

	}

	private final String text;

	private int position;

	private Token token;

	private final List<String> variables = new ArrayList<>();

	private ExpressionGrammar(String text) {
		this.text = text;
	}

	/** Reads every {@code ${…}} and {@code #{…}} of {@code text}. */
	static Reading read(String text) {
		ExpressionGrammar grammar = new ExpressionGrammar(text);
		try {
			grammar.template();
			return new Reading(List.copyOf(grammar.variables), null);
		}
		catch (Refused refused) {
			return new Reading(List.copyOf(grammar.variables), refused.getMessage());
		}
	}

	/** Whether {@code text} holds anything the engine would evaluate. */
	static boolean holdsExpression(String text) {
		return text.contains("${") || text.contains("#{");
	}

	private void template() {
		int start = next(text, 0);
		while (start >= 0) {
			position = start + 2;
			advance();
			if (token.kind() == Kind.END) {
				throw new Refused("is an empty expression");
			}
			expression();
			if (token.kind() == Kind.EOF) {
				throw new Refused("does not close its " + text.substring(start, start + 2) + " with }");
			}
			if (token.kind() != Kind.END) {
				throw unexpected();
			}
			start = next(text, token.end());
		}
	}

	private static int next(String text, int from) {
		int dollar = text.indexOf("${", from);
		int hash = text.indexOf("#{", from);
		return dollar < 0 ? hash : hash < 0 ? dollar : Math.min(dollar, hash);
	}

	private void expression() {
		binary(Level.OR);
	}

	/** The binary operators, loosest first. */
	private enum Level {

		OR, AND, EQUALITY, RELATION

	}

	private void binary(Level level) {
		operand(level);
		while (operator(level)) {
			advance();
			operand(level);
		}
	}

	private void operand(Level level) {
		if (level == Level.RELATION) {
			unary();
		}
		else {
			binary(Level.values()[level.ordinal() + 1]);
		}
	}

	/** Whether the current token is an operator of {@code level}. */
	private boolean operator(Level level) {
		boolean equality = List.of("==", "!=", "eq", "ne").contains(token.image());
		return switch (level) {
			case OR -> token.kind() == Kind.OR;
			case AND -> token.kind() == Kind.AND;
			case EQUALITY -> token.kind() == Kind.COMPARISON && equality;
			case RELATION -> token.kind() == Kind.COMPARISON && !equality;
		};
	}

	private void unary() {
		switch (token.kind()) {
			case NOT -> {
				advance();
				unary();
			}
			case OPEN -> {
				advance();
				expression();
				if (token.kind() != Kind.CLOSE) {
					throw token.kind() == Kind.EOF ? new Refused("does not close its (") : unexpected();
				}
				value("the value in parentheses");
			}
			case MINUS -> {
				advance();
				if (token.kind() != Kind.NUMBER) {
					throw new Refused("calculates with -");
				}
				value("-" + token.image());
			}
			case VARIABLE -> {
				String name = token.image();
				advance();
				refuseFunction(name);
				variables.add(name);
				refuseAccess(name);
			}
			case TEXT, NUMBER, LITERAL -> value(token.image());
			case END, EOF -> throw new Refused("ends where a value is expected");
			default -> throw unexpected();
		}
	}

	/** Moves past a value and refuses anything reached through it. */
	private void value(String image) {
		advance();
		refuseAccess(image);
	}

	/** Refuses {@code name(…)} and {@code prefix:name(…)}. */
	private void refuseFunction(String name) {
		if (token.kind() == Kind.OPEN) {
			throw new Refused("calls the function " + name);
		}
		if (token.image().equals(":")) {
			int colon = position;
			Token saved = token;
			advance();
			String local = token.image();
			boolean named = token.kind() == Kind.VARIABLE;
			advance();
			if (named && token.kind() == Kind.OPEN) {
				throw new Refused("calls the function " + name + ":" + local);
			}
			position = colon;
			token = saved;
		}
	}

	/** Refuses {@code .name}, {@code .name(…)} and {@code [} after {@code base}. */
	private void refuseAccess(String base) {
		if (token.image().equals("[")) {
			throw new Refused("reads an entry of " + base + " with [ ]");
		}
		if (token.image().equals(".")) {
			advance();
			if (token.kind() == Kind.EOF || !Character.isJavaIdentifierStart(token.image().charAt(0))) {
				throw new Refused("reads something of " + base + " with .");
			}
			String member = token.image();
			advance();
			throw new Refused(token.kind() == Kind.OPEN ? "calls " + member + " on " + base
					: "reads the property " + member + " of " + base);
		}
	}

	private Refused unexpected() {
		String image = token.image();
		return switch (image) {
			case "+", "*", "/", "%", "div", "mod" -> new Refused("calculates with " + image);
			case "-" -> new Refused("calculates with -");
			case "?", ":" -> new Refused("chooses between values with ? :");
			case "empty", "instanceof" -> new Refused("uses " + image);
			default -> new Refused("has " + (token.kind() == Kind.END ? "}" : image) + " where it cannot be");
		};
	}

	/**
	 * Moves to the next token inside an expression (Camunda's JUEL scanner, simplified).
	 */
	private void advance() {
		while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
			position++;
		}
		token = scan();
		position = token.end();
	}

	private Token scan() {
		int start = position;
		if (start >= text.length()) {
			return new Token(Kind.EOF, "end", start, start);
		}
		char c = text.charAt(start);
		char d = start + 1 < text.length() ? text.charAt(start + 1) : 0;
		String two = "" + c + d;
		switch (two) {
			case "==", "!=", "<=", ">=" -> {
				return new Token(Kind.COMPARISON, two, start, start + 2);
			}
			case "&&" -> {
				return new Token(Kind.AND, two, start, start + 2);
			}
			case "||" -> {
				return new Token(Kind.OR, two, start, start + 2);
			}
			default -> {
			}
		}
		switch (c) {
			case '<', '>' -> {
				return new Token(Kind.COMPARISON, String.valueOf(c), start, start + 1);
			}
			case '!' -> {
				return new Token(Kind.NOT, "!", start, start + 1);
			}
			case '(' -> {
				return new Token(Kind.OPEN, "(", start, start + 1);
			}
			case ')' -> {
				return new Token(Kind.CLOSE, ")", start, start + 1);
			}
			case '}' -> {
				return new Token(Kind.END, "}", start, start + 1);
			}
			case '-' -> {
				return new Token(Kind.MINUS, "-", start, start + 1);
			}
			case '\'', '"' -> {
				return string(start, c);
			}
			default -> {
			}
		}
		if (digit(c) || (c == '.' && digit(d))) {
			return number(start);
		}
		if (Character.isJavaIdentifierStart(c)) {
			int end = start + 1;
			while (end < text.length() && Character.isJavaIdentifierPart(text.charAt(end))) {
				end++;
			}
			String name = text.substring(start, end);
			return new Token(KEYWORDS.getOrDefault(name, Kind.VARIABLE), name, start, end);
		}
		return new Token(Kind.OTHER, String.valueOf(c), start, start + 1);
	}

	private Token string(int start, char quote) {
		int i = start + 1;
		while (i < text.length()) {
			char c = text.charAt(i++);
			if (c == '\\') {
				if (i == text.length() || (text.charAt(i) != '\\' && text.charAt(i) != quote)) {
					throw new Refused("has a text value with a backslash that is neither \\\\ nor \\" + quote);
				}
				i++;
			}
			else if (c == quote) {
				return new Token(Kind.TEXT, text.substring(start, i), start, i);
			}
		}
		throw new Refused("has a text value without its closing " + quote);
	}

	private static boolean digit(char c) {
		return c >= '0' && c <= '9';
	}

	private Token number(int start) {
		int i = start;
		while (i < text.length() && digit(text.charAt(i))) {
			i++;
		}
		if (i < text.length() && text.charAt(i) == '.') {
			i++;
			while (i < text.length() && digit(text.charAt(i))) {
				i++;
			}
		}
		if (i < text.length() && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
			int exponent = i + 1;
			if (exponent < text.length() && (text.charAt(exponent) == '+' || text.charAt(exponent) == '-')) {
				exponent++;
			}
			if (exponent < text.length() && digit(text.charAt(exponent))) {
				i = exponent;
				while (i < text.length() && digit(text.charAt(i))) {
					i++;
				}
			}
		}
		return new Token(Kind.NUMBER, text.substring(start, i), start, i);
	}

}
