package io.scalegate.audit;

/** The result of walking the hash chain: intact or not, how many entries, the first that does not fit. */
public record AuditVerification(boolean intact, long entries, Long firstBrokenEntry) {
}
