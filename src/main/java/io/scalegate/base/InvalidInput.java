package io.scalegate.base;

/**
 * A user's or a client's mistake: names the field and says what is wrong. The UI and the REST layer
 * show the message as it is; it never becomes a stack trace or a 500.
 */
public class InvalidInput extends RuntimeException {

	private final String field;

	public InvalidInput(String field, String message) {
		super(field + ": " + message);
		this.field = field;
	}

	public String field() {
		return field;
	}

	/** The message without the field prefix, for display beside the field. */
	public String reason() {
		return getMessage().substring(field.length() + 2);
	}

}
