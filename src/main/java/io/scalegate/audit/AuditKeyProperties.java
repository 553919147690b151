package io.scalegate.audit;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The keys of the audit trail, never stored in the database (ADR 0010). Keys are base64
 * of at least {@value AuditKey#MINIMUM_BYTES} random bytes
 * ({@code openssl rand -base64 32}).
 *
 * @param keyId the id of the key that signs new entries (SCALEGATE_AUDIT_KEY_ID)
 * @param key that key (SCALEGATE_AUDIT_KEY), or
 * @param keyFile a file holding it, e.g. a mounted secret (SCALEGATE_AUDIT_KEY_FILE)
 * @param retiredKeys keys of before a rotation, {@code id=base64} each, comma-separated:
 * they verify old entries and sign nothing (SCALEGATE_AUDIT_RETIRED_KEYS)
 * @param retiredKeysFile a file with one {@code id=base64} per line
 * (SCALEGATE_AUDIT_RETIRED_KEYS_FILE)
 * @param plainEntries how many entries of before keys (plain SHA-256, written before
 * version 6) the operator vouches for: the trail's length when it was upgraded, 0 for a
 * trail begun with keys (SCALEGATE_AUDIT_PLAIN_ENTRIES). A plain entry beyond it is a
 * rewrite, whatever seals it.
 */
@ConfigurationProperties("scalegate.audit")
record AuditKeyProperties(String keyId, String key, String keyFile, List<String> retiredKeys, String retiredKeysFile,
		Long plainEntries) {
}
