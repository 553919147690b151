package io.scalegate.audit;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The result of walking the chain: intact or not, how many entries, the first that does
 * not fit, what is wrong with it, and the key id it names where that key is not
 * configured (a missing retired key, not necessarily tampering).
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record AuditVerification(boolean intact, long entries, Long firstBrokenEntry, String problem,
		String unknownKeyId) {

	static AuditVerification intact(long entries) {
		return new AuditVerification(true, entries, null, null, null);
	}

	static AuditVerification broken(long entries, long at, String problem) {
		return new AuditVerification(false, entries, at, problem, null);
	}

	static AuditVerification unknownKey(long entries, long at, String keyId) {
		return new AuditVerification(false, entries, at, "entry " + at + " was signed with the key '" + keyId
				+ "', which is not configured: add it to SCALEGATE_AUDIT_RETIRED_KEYS to verify the entries it signed",
				keyId);
	}

}
