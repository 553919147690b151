package io.scalegate.base;

/** The thing a person or a client named does not exist (a 404 on the API). */
public class NotFound extends InvalidInput {

	private final String what;

	public NotFound(String what, String field, String message) {
		super(field, message);
		this.what = what;
	}

	/** What kind of thing was not found, for a title: "Unknown product". */
	public String what() {
		return what;
	}

}
