package io.scalegate.base;

import java.util.List;

/**
 * A user's or a client's mistake: names each wrong field and says what is wrong with it.
 * The UI and the REST layer show the messages as they are; it never becomes a stack trace
 * or a 500.
 */
public class InvalidInput extends RuntimeException {

	private final List<FieldProblem> problems;

	public InvalidInput(String field, String message) {
		this(List.of(new FieldProblem(field, message)));
	}

	public InvalidInput(List<FieldProblem> problems) {
		super(describe(problems));
		if (problems.isEmpty()) {
			throw new IllegalArgumentException("an invalid input names at least one field");
		}
		this.problems = List.copyOf(problems);
	}

	/** The first wrong field. */
	public String field() {
		return problems.get(0).field();
	}

	/** The first field's message without the field name, for display beside the field. */
	public String reason() {
		return problems.get(0).message();
	}

	/** Every wrong field, in the order they were found. */
	public List<FieldProblem> problems() {
		return problems;
	}

	private static String describe(List<FieldProblem> problems) {
		return String.join("; ", problems.stream().map(p -> p.field() + ": " + p.message()).toList());
	}

	/** One wrong field and what is wrong with it. */
	public record FieldProblem(String field, String message) {
	}

}
