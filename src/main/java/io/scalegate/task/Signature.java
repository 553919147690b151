package io.scalegate.task;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * An electronic signature bound to the task it completed: who (user id and printed name),
 * when, what it means, and the SHA-256 of the values submitted with it
 * ({@code signedValues}, canonical JSON), so the signature cannot be moved to other
 * values. {@code actingFor}: the absent person a deputy signed for (their user id), or
 * null; the signer is always the one who signed (docs/adr/0016-deputies.md).
 */
@Table("signature")
public record Signature(@Id Long id, String taskId, String taskKey, String taskName, String processInstanceId,
		String partNumber, String username, String printedName, SignatureMeaning meaning, Instant signedAt,
		String valuesHash, String signedValues, String actingFor, boolean withoutClaim) {

	public static final String WITHOUT_CLAIM = "completed without claiming";

	/**
	 * Who signed as records show it: printed name and user id, for whom a deputy signed,
	 * and whether the task was signed without being claimed.
	 */
	public String signer() {
		return printedName + " (" + username + ")" + (actingFor == null ? "" : " for " + actingFor)
				+ (withoutClaim ? " · " + WITHOUT_CLAIM : "");
	}

}
