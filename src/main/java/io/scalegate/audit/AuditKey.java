package io.scalegate.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.SignatureException;
import java.security.spec.NamedParameterSpec;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * One key of the trail: chains entries with HMAC-SHA-256 and signs checkpoints with an
 * Ed25519 key derived from it, whose public half anyone may hold to check a checkpoint.
 */
final class AuditKey {

	static final int MINIMUM_BYTES = 32;

	/**
	 * Fewer distinct byte values than this is no random key (32 random bytes have ~30).
	 */
	private static final int MINIMUM_DISTINCT_BYTES = 8;

	static final String CHECKPOINT_ALGORITHM = "Ed25519";

	private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,40}");

	private final String id;

	private final SecretKeySpec secret;

	private final KeyPair checkpointKeys;

	AuditKey(String id, byte[] secret) {
		if (id == null || !ID.matcher(id).matches() || id.equals(AuditTrail.LEGACY_KEY_ID)) {
			throw new IllegalArgumentException("the key id '" + id + "' is not 1 to 40 letters, digits, '.', '_' or '-'"
					+ " (and not '" + AuditTrail.LEGACY_KEY_ID + "', which names the plain hash of before keys)");
		}
		if (secret.length < MINIMUM_BYTES) {
			throw new IllegalArgumentException(
					"the key '" + id + "' has " + secret.length + " bytes; it needs at least " + MINIMUM_BYTES
							+ " random bytes, base64-encoded (openssl rand -base64 32)");
		}
		if (IntStream.range(0, secret.length).map(i -> secret[i]).distinct().count() < MINIMUM_DISTINCT_BYTES) {
			throw new IllegalArgumentException("the key '" + id + "' repeats a few bytes (all zeros, a word); it needs "
					+ MINIMUM_BYTES + " random bytes, base64-encoded (openssl rand -base64 32)");
		}
		this.id = id;
		this.secret = new SecretKeySpec(secret.clone(), "HmacSHA256");
		this.checkpointKeys = ed25519(mac("scalegate/audit-checkpoint/ed25519"));
	}

	String id() {
		return id;
	}

	/** HMAC-SHA-256 of the text (UTF-8) as 64 lower-case hex digits. */
	String hash(String text) {
		return HexFormat.of().formatHex(mac(text));
	}

	/** Whether {@code hash} is this key's hash of {@code text}, in constant time. */
	boolean fits(String text, String hash) {
		return MessageDigest.isEqual(hash(text).getBytes(StandardCharsets.US_ASCII),
				hash == null ? new byte[0] : hash.getBytes(StandardCharsets.US_ASCII));
	}

	PublicKey checkpointPublicKey() {
		return checkpointKeys.getPublic();
	}

	byte[] sign(String text) {
		try {
			Signature signature = Signature.getInstance(CHECKPOINT_ALGORITHM);
			signature.initSign(checkpointKeys.getPrivate());
			signature.update(text.getBytes(StandardCharsets.UTF_8));
			return signature.sign();
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	boolean signed(String text, byte[] signatureBytes) {
		try {
			Signature signature = Signature.getInstance(CHECKPOINT_ALGORITHM);
			signature.initVerify(checkpointKeys.getPublic());
			signature.update(text.getBytes(StandardCharsets.UTF_8));
			return signature.verify(signatureBytes);
		}
		catch (SignatureException | InvalidKeyException e) {
			return false;
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	private byte[] mac(String text) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(secret);
			return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	/**
	 * The Ed25519 key pair whose private key is {@code seed} (RFC 8032: a private key is
	 * 32 bytes): the JDK's generator takes the private key from its random source.
	 */
	private static KeyPair ed25519(byte[] seed) {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance(CHECKPOINT_ALGORITHM);
			generator.initialize(NamedParameterSpec.ED25519, new FixedSeed(seed));
			return generator.generateKeyPair();
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	@Override
	public String toString() {
		return "AuditKey[" + id + "]";
	}

	/** A "random" source that gives the seed: only for deriving a key pair. */
	private static final class FixedSeed extends SecureRandom {

		private static final long serialVersionUID = 1L;

		private final byte[] seed;

		FixedSeed(byte[] seed) {
			this.seed = seed.clone();
		}

		@Override
		public void nextBytes(byte[] bytes) {
			if (bytes.length != seed.length) {
				throw new IllegalStateException("an Ed25519 private key is " + seed.length + " bytes");
			}
			System.arraycopy(seed, 0, bytes, 0, bytes.length);
			Arrays.fill(seed, (byte) 0);
		}

	}

}
