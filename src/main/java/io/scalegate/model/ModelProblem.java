package io.scalegate.model;

/**
 * One reason a model cannot be deployed: the file, the element (id, or line:column), and
 * a plain message.
 */
public record ModelProblem(String file, String element, String message) {

	/**
	 * A file its reader refused, as a whole: {@code what} and the first line of the
	 * reader's message.
	 */
	static ModelProblem unreadable(ModelFile file, String what, Exception e) {
		String message = e.getMessage() == null ? "" : e.getMessage();
		int end = message.indexOf('\n');
		return new ModelProblem(file.name(), "", what + ": " + (end < 0 ? message : message.substring(0, end)));
	}

}
