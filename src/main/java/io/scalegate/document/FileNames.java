package io.scalegate.document;

/**
 * A file name as kept and offered for download: the last part of whatever path a browser
 * sent, without control characters, quotes or separators, at most 200 characters; a name
 * with nothing left is {@code document}.
 */
public final class FileNames {

	private static final int LONGEST = 200;

	private FileNames() {
	}

	public static String safe(String name) {
		if (name == null) {
			return "document";
		}
		String last = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
		StringBuilder kept = new StringBuilder();
		last.codePoints()
			.filter(c -> !Character.isISOControl(c) && c != '"' && c != ';' && c != '*' && c != '?' && c != '<'
					&& c != '>' && c != '|' && c != ':' && Character.getType(c) != Character.FORMAT)
			.forEach(kept::appendCodePoint);
		String safe = kept.toString().strip();
		while (safe.startsWith(".")) {
			safe = safe.substring(1);
		}
		if (safe.isBlank()) {
			return "document";
		}
		return safe.length() <= LONGEST ? safe : safe.substring(0, LONGEST);
	}

}
