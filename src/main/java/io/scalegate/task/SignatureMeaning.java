package io.scalegate.task;

/** What a signature means (21 CFR Part 11 §11.50(a)(3)). */
public enum SignatureMeaning {

	APPROVED("Approved"), REJECTED("Rejected"), REVIEWED("Reviewed");

	private final String label;

	SignatureMeaning(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
