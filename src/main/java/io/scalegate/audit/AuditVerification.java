package io.scalegate.audit;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The result of walking the hash chain: intact or not, how many entries, the first that
 * does not fit.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record AuditVerification(boolean intact, long entries, Long firstBrokenEntry) {
}
