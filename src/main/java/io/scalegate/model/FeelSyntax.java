package io.scalegate.model;

import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.camunda.bpm.model.dmn.instance.Text;
import org.camunda.feel.api.FailedParseResult;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import org.camunda.feel.api.ParseResult;

/**
 * Every cell of every decision table parsed as Camunda will evaluate it, with the FEEL
 * engine it uses (feel-scala): an input entry as unary tests, an output entry as an
 * expression. Camunda itself reads a table without parsing its cells and fails only when
 * a product's gate is evaluated; here a syntax error is a problem of the file, said in
 * words: which decision, which rule, which column, what is wrong.
 */
final class FeelSyntax {

	private static final FeelEngineApi FEEL = FeelEngineBuilder.forJava().build();

	private FeelSyntax() {
	}

	static void check(ModelFile file, DmnModelInstance model, List<ModelProblem> problems) {
		for (Decision decision : model.getModelElementsByType(Decision.class)) {
			if (!(decision.getExpression() instanceof DecisionTable table)) {
				continue;
			}
			List<Input> inputs = List.copyOf(table.getInputs());
			List<Output> outputs = List.copyOf(table.getOutputs());
			columns(file, decision, inputs, outputs, problems);
			int number = 0;
			for (Rule rule : table.getRules()) {
				number++;
				String where = where(decision, rule, number);
				String element = decision.getId() + " rule " + number;
				int column = 0;
				for (InputEntry entry : rule.getInputEntries()) {
					Input input = column < inputs.size() ? inputs.get(column) : null;
					column++;
					cell(file, element, entry.getText(), entry.getExpressionLanguage(), true,
							where + ", column \"" + label(input, column) + "\"", problems);
				}
				column = 0;
				for (OutputEntry entry : rule.getOutputEntries()) {
					Output output = column < outputs.size() ? outputs.get(column) : null;
					column++;
					cell(file, element, entry.getText(), entry.getExpressionLanguage(), false,
							where + ", output \"" + label(output, column) + "\"", problems);
				}
			}
		}
	}

	/**
	 * One cell: an input entry as unary tests ({@code test}), an output entry as an
	 * expression.
	 */
	private static void cell(ModelFile file, String element, Text text, String language, boolean test, String where,
			List<ModelProblem> problems) {
		String content = text == null ? "" : text.getTextContent();
		if (!feel(language) || content.isBlank()) {
			return;
		}
		String wrong = problem(() -> test ? FEEL.parseUnaryTests(content) : FEEL.parseExpression(content), content);
		if (wrong != null) {
			problems.add(new ModelProblem(file.name(), element, where + ": `" + content.strip()
					+ "` is not a valid FEEL " + (test ? "test" : "expression") + " — " + wrong));
		}
	}

	/**
	 * The columns themselves: each input's expression (what the column reads) and the
	 * allowed values of inputs and outputs, parsed as Camunda evaluates them.
	 */
	private static void columns(ModelFile file, Decision decision, List<Input> inputs, List<Output> outputs,
			List<ModelProblem> problems) {
		String of = " of \"" + name(decision) + "\"";
		int column = 0;
		for (Input input : inputs) {
			column++;
			var expression = input.getInputExpression();
			if (expression != null && expression.getText() != null && feel(expression.getExpressionLanguage())) {
				String text = expression.getText().getTextContent();
				String wrong = text.isBlank() ? null : problem(() -> FEEL.parseExpression(text), text);
				if (wrong != null) {
					problems.add(new ModelProblem(file.name(), decision.getId(), "Column \"" + label(input, column)
							+ "\"" + of + " reads `" + text.strip() + "`, not a valid FEEL expression — " + wrong));
				}
			}
			if (input.getInputValues() != null && input.getInputValues().getText() != null) {
				allowed(file, decision, "Column \"" + label(input, column) + "\"" + of,
						input.getInputValues().getText().getTextContent(), problems);
			}
		}
		column = 0;
		for (Output output : outputs) {
			column++;
			if (output.getOutputValues() != null && output.getOutputValues().getText() != null) {
				allowed(file, decision, "Output \"" + label(output, column) + "\"" + of,
						output.getOutputValues().getText().getTextContent(), problems);
			}
		}
	}

	private static void allowed(ModelFile file, Decision decision, String where, String text,
			List<ModelProblem> problems) {
		String wrong = text.isBlank() ? null : problem(() -> FEEL.parseUnaryTests(text), text);
		if (wrong != null) {
			problems.add(new ModelProblem(file.name(), decision.getId(),
					where + " allows `" + text.strip() + "`, not a valid FEEL list of values — " + wrong));
		}
	}

	private static String name(Decision decision) {
		return decision.getName() == null || decision.getName().isBlank() ? decision.getId() : decision.getName();
	}

	/** 'Rule 3 ("CV at most 0.25") of "Demand readiness"'. */
	private static String where(Decision decision, Rule rule, int number) {
		String annotation = rule.getDescription() == null ? "" : rule.getDescription().getTextContent().strip();
		if (annotation.length() > 60) {
			int space = annotation.lastIndexOf(' ', 59);
			annotation = annotation.substring(0, space > 0 ? space : 59) + "…";
		}
		return "Rule " + number + (annotation.isEmpty() ? "" : " (\"" + annotation + "\")") + " of \"" + name(decision)
				+ "\"";
	}

	private static String label(Input input, int column) {
		if (input == null) {
			return "input " + column;
		}
		if (input.getLabel() != null && !input.getLabel().isBlank()) {
			return input.getLabel();
		}
		if (input.getInputExpression() != null && input.getInputExpression().getText() != null) {
			return input.getInputExpression().getText().getTextContent().strip();
		}
		return "input " + column;
	}

	private static String label(Output output, int column) {
		if (output == null) {
			return "output " + column;
		}
		if (output.getLabel() != null && !output.getLabel().isBlank()) {
			return output.getLabel();
		}
		return output.getName() == null ? "output " + column : output.getName();
	}

	/** Another expression language than FEEL is refused elsewhere ({@link FeelOnly}). */
	private static boolean feel(String language) {
		return language == null || language.isBlank() || language.toLowerCase().contains("feel");
	}

	/**
	 * What is wrong with the text, in words; null when it parsed. Nesting deep enough to
	 * overflow the parser's stack is a problem of the text, not a failure of the check.
	 */
	static String problem(Supplier<ParseResult> parse, String text) {
		ParseResult parsed;
		try {
			parsed = parse.get();
		}
		catch (StackOverflowError tooDeep) {
			return "it is nested too deeply for FEEL to read";
		}
		if (parsed.isSuccess()) {
			return null;
		}
		String unbalanced = unbalanced(text);
		if (unbalanced != null) {
			return unbalanced;
		}
		String message = parsed instanceof FailedParseResult failed ? failed.failure().message() : "";
		int at = message.indexOf("Expected");
		return at < 0 ? "FEEL cannot read it" : "FEEL cannot read it (" + message.substring(at).strip() + ")";
	}

	/**
	 * Brackets and quotes that do not pair up, the usual slip in a cell. A range may open
	 * with ] or ( and close with [ or ) (]0..1[ is FEEL), so brackets are only counted.
	 */
	private static String unbalanced(String text) {
		boolean quoted = false;
		int brackets = 0;
		char last = 0;
		for (char c : text.toCharArray()) {
			if (c == '"') {
				quoted = !quoted;
			}
			else if (!quoted && "[]()".indexOf(c) >= 0) {
				brackets++;
				last = c;
			}
		}
		if (quoted) {
			return "a text is not closed: a \" is missing";
		}
		if (brackets % 2 == 0) {
			return null;
		}
		String end = text.strip();
		return end.endsWith(String.valueOf(last)) && (last == ']' || last == ')') ? "missing opening bracket"
				: "missing closing bracket";
	}

}
