package io.scalegate.security;

/**
 * A company sign-in ScaleGate refuses although the identity provider vouched for the
 * person; {@link Reason#code()} is what the login page is told.
 */
public class SsoRefused extends RuntimeException {

	/** Why; each code has its message on the login page. */
	public enum Reason {

		NO_ROLE("no-role"), TAKEN("taken"), DISABLED("disabled"), INVALID("invalid"), RACED("raced");

		private final String code;

		Reason(String code) {
			this.code = code;
		}

		public String code() {
			return code;
		}

	}

	private final Reason reason;

	SsoRefused(Reason reason, String message) {
		super(message);
		this.reason = reason;
	}

	public Reason reason() {
		return reason;
	}

}
