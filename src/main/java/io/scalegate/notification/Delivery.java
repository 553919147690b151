package io.scalegate.notification;

/** How a person receives a kind of notification by e-mail; in the app always. */
public enum Delivery {

	/** in the app only */
	NONE("Off (in the app only)"),
	/** one e-mail each, sent within a minute or so */
	IMMEDIATE("Immediately"),
	/** gathered into one e-mail a day */
	DAILY_DIGEST("Daily digest");

	private final String label;

	Delivery(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
