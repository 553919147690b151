package io.scalegate.document;

import java.time.Instant;

/**
 * What ScaleGate knows of an attached document, without its content.
 *
 * @param mediaType the type detected from the content, never the one a client claimed
 * @param sha256 the content's SHA-256 as 64 lower-case hex digits
 */
public record Document(String id, String partNumber, DocumentKind kind, int version, String fileName, String mediaType,
		long sizeBytes, String sha256, String uploadedBy, Instant uploadedAt, DocumentLinks links) {

	/** The first characters of the hash, enough to tell documents apart on a screen. */
	public String shortSha256() {
		return sha256.substring(0, 12);
	}

}
