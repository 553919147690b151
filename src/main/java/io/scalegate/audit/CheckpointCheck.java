package io.scalegate.audit;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What comparing a checkpoint with the trail found: whether ScaleGate signed it, and
 * whether its entry still has the hash it had (not compared for a checkpoint ScaleGate
 * did not sign: it proves nothing).
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record CheckpointCheck(Outcome outcome, boolean signatureValid, Boolean entryMatches, String currentHash,
		String message) {

	public enum Outcome {

		/** Signed by ScaleGate, and the entry still has that hash. */
		MATCHES,
		/**
		 * Signed by ScaleGate, but the entry's hash is not the same now: the trail was
		 * changed.
		 */
		ENTRY_CHANGED,
		/**
		 * Signed by ScaleGate, but the trail has no such entry now: entries were removed.
		 */
		ENTRY_MISSING,
		/** The signature is not ScaleGate's for this content: forged or altered. */
		SIGNATURE_INVALID,
		/**
		 * Signed with a key that is not configured (retired and removed, or another
		 * installation's).
		 */
		UNKNOWN_KEY

	}

	public boolean ok() {
		return outcome == Outcome.MATCHES;
	}

}
