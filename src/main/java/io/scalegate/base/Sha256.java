package io.scalegate.base;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 of a text (UTF-8) or of bytes as 64 lower-case hex digits: signatures, token
 * secrets, idempotent requests, documents.
 */
public final class Sha256 {

	private Sha256() {
	}

	public static String hex(String text) {
		return hex(text.getBytes(StandardCharsets.UTF_8));
	}

	public static String hex(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException impossible) {
			throw new IllegalStateException(impossible);
		}
	}

}
