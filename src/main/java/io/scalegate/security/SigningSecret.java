package io.scalegate.security;

/**
 * What a signer re-enters at each signing (docs/adr/0015): local accounts their password,
 * company (SSO) accounts their signing PIN, which they must first set.
 */
public enum SigningSecret {

	PASSWORD("Password"), PIN("Signing PIN"), NO_PIN("Signing PIN");

	/** Where an SSO user sets or changes the signing PIN. */
	public static final String PIN_PAGE = "account/signing-pin";

	private final String label;

	SigningSecret(String label) {
		this.label = label;
	}

	/** The signature field's label. */
	public String label() {
		return label;
	}

	static final String NO_PIN_MESSAGE = "You sign with a signing PIN, and you have not set one yet: set it on "
			+ "Account → Signing PIN (/" + PIN_PAGE + "), then sign again. Nothing was signed.";

}
