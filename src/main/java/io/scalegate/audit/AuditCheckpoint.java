package io.scalegate.audit;

import java.time.Instant;

/**
 * A signed statement "entry {@code entry} of the trail had the hash {@code entryHash}",
 * for an auditor to keep outside ScaleGate and compare later. The signature is Ed25519
 * over {@link #signedText()} with the checkpoint key of {@code keyId}; its public key
 * (X.509, base64) is given here and by {@code GET /api/audit/checkpoint/keys}, so anyone
 * can check the signature without ScaleGate.
 */
public record AuditCheckpoint(Long entry, String entryHash, Instant issuedAt, String keyId, String algorithm,
		String publicKey, String signature) {

	static final String FORMAT = "scalegate-audit-checkpoint/1";

	/**
	 * What is signed, UTF-8, lines ending in \n: the format, the entry, its hash, when
	 * the checkpoint was issued (ISO-8601, UTC) and the key id.
	 */
	public String signedText() {
		return FORMAT + "\n" + entry + "\n" + entryHash + "\n" + issuedAt + "\n" + keyId + "\n";
	}

}
