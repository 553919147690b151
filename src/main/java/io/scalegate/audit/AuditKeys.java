package io.scalegate.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The trail's key ring: one current key signs new entries, retired keys only verify the
 * entries they signed (rotation). Built from {@link AuditKeyProperties}; without a
 * configured key the prod profile refuses to start and any other profile gets a random
 * key for this run.
 */
final class AuditKeys {

	private final AuditKey current;

	private final Map<String, AuditKey> byId;

	private final boolean generated;

	private final long plainEntries;

	AuditKeys(AuditKey current, Collection<AuditKey> retired) {
		this(current, retired, false, 0);
	}

	AuditKeys(AuditKey current, Collection<AuditKey> retired, long plainEntries) {
		this(current, retired, false, plainEntries);
	}

	private AuditKeys(AuditKey current, Collection<AuditKey> retired, boolean generated, long plainEntries) {
		if (plainEntries < 0) {
			throw new IllegalStateException(
					"SCALEGATE_AUDIT_PLAIN_ENTRIES (scalegate.audit.plain-entries) cannot be negative");
		}
		this.current = current;
		this.generated = generated;
		this.plainEntries = plainEntries;
		this.byId = new LinkedHashMap<>();
		byId.put(current.id(), current);
		for (AuditKey key : retired) {
			if (byId.putIfAbsent(key.id(), key) != null) {
				throw new IllegalStateException("scalegate.audit: the key id '" + key.id() + "' is configured twice");
			}
		}
	}

	AuditKey current() {
		return current;
	}

	Optional<AuditKey> find(String id) {
		return Optional.ofNullable(byId.get(id));
	}

	Collection<AuditKey> all() {
		return byId.values();
	}

	/**
	 * The number of entries of before keys (plain SHA-256) the operator vouches for: ids
	 * 1 to this may be plain, none after.
	 */
	long plainEntries() {
		return plainEntries;
	}

	/** Whether the current key was made up at start because none was configured. */
	boolean generated() {
		return generated;
	}

	/**
	 * The keys the properties name. {@code production}: a missing key is an error, not a
	 * reason to make one up.
	 */
	static AuditKeys of(AuditKeyProperties properties, boolean production) {
		String keyText = blank(properties.key()) ? null : properties.key();
		if (!blank(properties.keyFile())) {
			if (keyText != null) {
				throw new IllegalStateException("Set the audit trail's key either in SCALEGATE_AUDIT_KEY"
						+ " (scalegate.audit.key) or in SCALEGATE_AUDIT_KEY_FILE (scalegate.audit.key-file), not both");
			}
			keyText = read(properties.keyFile(), "SCALEGATE_AUDIT_KEY_FILE (scalegate.audit.key-file)");
		}
		List<AuditKey> retired = retired(properties);
		long plainEntries = properties.plainEntries() == null ? 0 : properties.plainEntries();
		if (keyText == null || keyText.isBlank()) {
			if (production) {
				throw new IllegalStateException("The prod profile needs the audit trail's key: set SCALEGATE_AUDIT_KEY"
						+ " (scalegate.audit.key) or SCALEGATE_AUDIT_KEY_FILE (scalegate.audit.key-file) to base64 of at"
						+ " least " + AuditKey.MINIMUM_BYTES + " random bytes (openssl rand -base64 32), and"
						+ " SCALEGATE_AUDIT_KEY_ID (scalegate.audit.key-id) to its id");
			}
			byte[] random = new byte[AuditKey.MINIMUM_BYTES];
			new SecureRandom().nextBytes(random);
			String id = "dev-" + HexFormat.of().formatHex(random, 0, 4);
			return new AuditKeys(new AuditKey(id, random), retired, true, plainEntries);
		}
		String id = blank(properties.keyId()) ? "k1" : properties.keyId().strip();
		return new AuditKeys(key(id, keyText, "SCALEGATE_AUDIT_KEY (scalegate.audit.key)"), retired, false,
				plainEntries);
	}

	private static List<AuditKey> retired(AuditKeyProperties properties) {
		List<String> entries = new ArrayList<>();
		if (properties.retiredKeys() != null) {
			entries.addAll(properties.retiredKeys());
		}
		if (!blank(properties.retiredKeysFile())) {
			entries.addAll(read(properties.retiredKeysFile(),
					"SCALEGATE_AUDIT_RETIRED_KEYS_FILE (scalegate.audit.retired-keys-file)")
				.lines()
				.toList());
		}
		String setting = "SCALEGATE_AUDIT_RETIRED_KEYS (scalegate.audit.retired-keys)";
		List<AuditKey> keys = new ArrayList<>();
		for (String entry : entries) {
			if (blank(entry) || entry.strip().startsWith("#")) {
				continue;
			}
			int equals = entry.indexOf('=');
			if (equals < 1) {
				throw new IllegalStateException(
						setting + ": '" + entry.strip().replaceAll("(?<=.{4}).", "…") + "' is not id=base64-key");
			}
			keys.add(key(entry.substring(0, equals).strip(), entry.substring(equals + 1), setting));
		}
		return keys;
	}

	private static AuditKey key(String id, String base64, String setting) {
		byte[] bytes;
		try {
			bytes = Base64.getDecoder().decode(base64.strip());
		}
		catch (IllegalArgumentException e) {
			throw new IllegalStateException(setting + ": the key of '" + id + "' is not base64", e);
		}
		try {
			return new AuditKey(id, bytes);
		}
		catch (IllegalArgumentException e) {
			throw new IllegalStateException(setting + ": " + e.getMessage(), e);
		}
	}

	private static String read(String file, String setting) {
		try {
			return Files.readString(Path.of(file.strip()), StandardCharsets.UTF_8).strip();
		}
		catch (IOException e) {
			throw new IllegalStateException(setting + ": cannot read " + file + " (" + e + ")", e);
		}
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}

}
