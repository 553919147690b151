package io.scalegate.base;

/**
 * A text cell for a CSV export that a spreadsheet opens as text, never as a formula
 * (OWASP "CSV injection"): a cell starting with {@code =}, {@code +}, {@code -},
 * {@code @}, a tab or a carriage return, also after leading spaces or line breaks that a
 * spreadsheet may skip, gets a leading apostrophe. Exports also quote every cell, so that
 * a spreadsheet splitting on {@code ;} (some locales) keeps a cell whole. So that a copy
 * can be read back exactly (an audit export's hashes are checked against it), a cell that
 * starts with an apostrophe gets one too: remove one leading apostrophe from every cell
 * that has one. Numeric columns are written as numbers and not passed through here.
 */
public final class CsvCell {

	private CsvCell() {
	}

	public static String text(String value) {
		if (value == null || value.isEmpty()) {
			return value;
		}
		int first = 0;
		while (first < value.length() - 1 && isBlank(value.charAt(first))) {
			first++;
		}
		return switch (value.charAt(first)) {
			case '=', '+', '-', '@', '\t', '\r', '\'' -> "'" + value;
			default -> value;
		};
	}

	private static boolean isBlank(char c) {
		return c == '\n' || Character.isSpaceChar(c);
	}

}
