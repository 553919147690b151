package io.scalegate.document;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * The names of the parts a ZIP package lists in its central directory, read without
 * decompressing anything (so an archive built to inflate to gigabytes costs nothing);
 * none if it is no readable ZIP.
 */
final class PackageParts {

	private static final int END_OF_DIRECTORY = 0x06054b50;

	private static final int DIRECTORY_ENTRY = 0x02014b50;

	private static final int MOST_ENTRIES = 10_000;

	private PackageParts() {
	}

	static Set<String> names(byte[] zip) {
		Set<String> names = new HashSet<>();
		ByteBuffer bytes = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
		int end = endOfDirectory(bytes);
		if (end < 0) {
			return names;
		}
		int entries = Math.min(bytes.getShort(end + 10) & 0xffff, MOST_ENTRIES);
		long offset = bytes.getInt(end + 16) & 0xffffffffL;
		int at = (int) Math.min(offset, Integer.MAX_VALUE);
		for (int i = 0; i < entries; i++) {
			if (at < 0 || at + 46 > zip.length || bytes.getInt(at) != DIRECTORY_ENTRY) {
				break;
			}
			int nameLength = bytes.getShort(at + 28) & 0xffff;
			int extraLength = bytes.getShort(at + 30) & 0xffff;
			int commentLength = bytes.getShort(at + 32) & 0xffff;
			if (at + 46 + nameLength > zip.length) {
				break;
			}
			names.add(new String(zip, at + 46, nameLength, StandardCharsets.UTF_8));
			at += 46 + nameLength + extraLength + commentLength;
		}
		return names;
	}

	/** Where the end-of-central-directory record starts, or -1. */
	private static int endOfDirectory(ByteBuffer bytes) {
		int last = bytes.limit() - 22;
		int first = Math.max(0, last - 0xffff);
		for (int at = last; at >= first; at--) {
			if (bytes.getInt(at) == END_OF_DIRECTORY) {
				return at;
			}
		}
		return -1;
	}

}
