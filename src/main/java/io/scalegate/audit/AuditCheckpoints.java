package io.scalegate.audit;

import io.scalegate.base.InvalidInput;
import io.scalegate.base.InvalidInput.FieldProblem;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Signed checkpoints of the trail's head (ADR 0010): exported for an auditor to keep
 * outside ScaleGate, and compared with the trail later.
 */
@Component
public class AuditCheckpoints {

	private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");

	private final JdbcClient jdbc;

	private final Clock clock;

	private final AuditKeys keys;

	AuditCheckpoints(JdbcClient jdbc, Clock clock, AuditKeys keys) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.keys = keys;
	}

	/**
	 * The head as it is now (entry 0 and the genesis hash for an empty trail), signed.
	 */
	@Transactional(readOnly = true)
	public AuditCheckpoint export() {
		Object[] head = jdbc.sql("select last_id, last_hash from audit_head where id = 1")
			.query((rs, n) -> new Object[] { rs.getLong(1), rs.getString(2) })
			.single();
		AuditKey key = keys.current();
		AuditCheckpoint unsigned = new AuditCheckpoint((Long) head[0], (String) head[1],
				clock.instant().truncatedTo(ChronoUnit.SECONDS), key.id(), AuditKey.CHECKPOINT_ALGORITHM,
				publicKey(key), null);
		return new AuditCheckpoint(unsigned.entry(), unsigned.entryHash(), unsigned.issuedAt(), unsigned.keyId(),
				unsigned.algorithm(), unsigned.publicKey(),
				Base64.getEncoder().encodeToString(key.sign(unsigned.signedText())));
	}

	/**
	 * Whether ScaleGate signed {@code checkpoint} and its entry still has its hash. A
	 * checkpoint that is not complete is invalid input naming each missing field.
	 */
	@Transactional(readOnly = true)
	public CheckpointCheck check(AuditCheckpoint checkpoint) {
		byte[] signature = wellFormed(checkpoint);
		AuditKey key = keys.find(checkpoint.keyId()).orElse(null);
		if (key == null) {
			return new CheckpointCheck(CheckpointCheck.Outcome.UNKNOWN_KEY, false, null, null,
					"The checkpoint names the key '" + checkpoint.keyId() + "', which is not configured here:"
							+ " add it to SCALEGATE_AUDIT_RETIRED_KEYS to check checkpoints it signed");
		}
		if (!key.signed(checkpoint.signedText(), signature)) {
			return new CheckpointCheck(CheckpointCheck.Outcome.SIGNATURE_INVALID, false, null, null,
					"The signature is not ScaleGate's for this content (key '" + key.id()
							+ "'): the checkpoint was forged or altered; it proves nothing");
		}
		String current = checkpoint.entry() == 0 ? AuditTrail.GENESIS
				: jdbc.sql("select entry_hash from audit_entry where id = :id")
					.param("id", checkpoint.entry())
					.query(String.class)
					.optional()
					.orElse(null);
		if (current == null) {
			return new CheckpointCheck(CheckpointCheck.Outcome.ENTRY_MISSING, true, false, null,
					"Signed by ScaleGate, but the trail has no entry " + checkpoint.entry()
							+ " now: entries were removed");
		}
		if (!current.equals(checkpoint.entryHash())) {
			return new CheckpointCheck(CheckpointCheck.Outcome.ENTRY_CHANGED, true, false, current,
					"Signed by ScaleGate, but entry " + checkpoint.entry()
							+ " has another hash now: the trail was changed after " + checkpoint.issuedAt());
		}
		return new CheckpointCheck(CheckpointCheck.Outcome.MATCHES, true, true, current,
				"Signed by ScaleGate, and entry " + checkpoint.entry() + " still has the hash it had at "
						+ checkpoint.issuedAt() + ". Verify the chain too: it proves every entry before it.");
	}

	/** The public keys that check checkpoints, by key id (X.509, base64). */
	public Map<String, String> publicKeys() {
		Map<String, String> publicKeys = new LinkedHashMap<>();
		keys.all().forEach(key -> publicKeys.put(key.id(), publicKey(key)));
		return publicKeys;
	}

	private static String publicKey(AuditKey key) {
		return Base64.getEncoder().encodeToString(key.checkpointPublicKey().getEncoded());
	}

	private static byte[] wellFormed(AuditCheckpoint checkpoint) {
		if (checkpoint == null) {
			throw new InvalidInput("body", "is not a checkpoint");
		}
		List<FieldProblem> problems = new ArrayList<>();
		if (checkpoint.entry() == null || checkpoint.entry() < 0) {
			problems.add(new FieldProblem("entry", "is the number of an entry, 0 or more"));
		}
		if (checkpoint.entryHash() == null || !HASH.matcher(checkpoint.entryHash()).matches()) {
			problems.add(new FieldProblem("entryHash", "is 64 lower-case hex digits"));
		}
		if (checkpoint.issuedAt() == null) {
			problems.add(new FieldProblem("issuedAt", "is missing"));
		}
		if (checkpoint.keyId() == null || checkpoint.keyId().isBlank()) {
			problems.add(new FieldProblem("keyId", "is missing"));
		}
		if (checkpoint.algorithm() != null && !checkpoint.algorithm().equals(AuditKey.CHECKPOINT_ALGORITHM)) {
			problems.add(new FieldProblem("algorithm", "is " + AuditKey.CHECKPOINT_ALGORITHM));
		}
		byte[] signature = null;
		try {
			signature = checkpoint.signature() == null ? null : Base64.getDecoder().decode(checkpoint.signature());
		}
		catch (IllegalArgumentException e) {
			// reported below
		}
		if (signature == null || signature.length == 0) {
			problems.add(new FieldProblem("signature", "is the base64 of the signature"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		return signature;
	}

}
