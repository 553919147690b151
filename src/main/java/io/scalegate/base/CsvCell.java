package io.scalegate.base;

/**
 * A text cell for a CSV export that a spreadsheet opens as text, never as a formula
 * (OWASP "CSV injection"): a cell starting with {@code =}, {@code +}, {@code -},
 * {@code @}, a tab or a carriage return gets a leading apostrophe. So that a copy can be
 * read back exactly (an audit export's hashes are checked against it), a cell that starts
 * with an apostrophe gets one too: remove one leading apostrophe from every cell that has
 * one. Numeric columns are written as numbers and not passed through here.
 */
public final class CsvCell {

	private CsvCell() {
	}

	public static String text(String value) {
		if (value == null || value.isEmpty()) {
			return value;
		}
		return switch (value.charAt(0)) {
			case '=', '+', '-', '@', '\t', '\r', '\'' -> "'" + value;
			default -> value;
		};
	}

}
