package io.scalegate.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Remembers, for a few minutes, that BCrypt found a password right for an account's
 * stored hash (docs/adr/0025), so that a script calling with HTTP Basic pays for BCrypt
 * once per {@code scalegate.security.basic-cache-ttl}, not on every request. Each entry
 * is an HMAC-SHA-256, under a random key that lives only in this process, of the user id,
 * the stored password hash <em>as loaded for this request</em> and the password: a
 * password change gives another stored hash and so another key, which nothing remembers;
 * two accounts with the same password have different salts; a wrong password is never
 * remembered. What an entry says ("BCrypt matched this password against this hash") is
 * true for as long as the hash is the account's, so the cache never changes an answer,
 * only its cost. Neither the password nor the hash is kept in clear.
 */
final class BasicSignInCache {

	private static final String HMAC = "HmacSHA256";

	private final Cache<String, Boolean> matched;

	private final SecretKeySpec key;

	/**
	 * @param ttl how long a match is remembered after BCrypt confirmed it (not renewed by
	 * use); zero or negative turns the cache off
	 * @param maximumSize remembered matches at most; the oldest go first
	 * @param ticker nanoseconds, movable in tests
	 */
	BasicSignInCache(Duration ttl, long maximumSize, Ticker ticker) {
		this.matched = ttl.isZero() || ttl.isNegative() || maximumSize <= 0 ? null
				: Caffeine.newBuilder()
					.expireAfterWrite(ttl)
					.maximumSize(maximumSize)
					.ticker(ticker)
					// eviction on the caller's thread: no pool work for a few small
					// entries
					.executor(Runnable::run)
					.build();
		byte[] secret = new byte[32];
		new SecureRandom().nextBytes(secret);
		this.key = new SecretKeySpec(secret, HMAC);
	}

	/**
	 * Whether BCrypt matched this password against this stored hash of this account
	 * within the time to live.
	 */
	boolean remembers(String username, String storedHash, CharSequence password) {
		return matched != null && password != null
				&& matched.getIfPresent(digest(username, storedHash, password)) != null;
	}

	/** BCrypt just matched this password against this stored hash of this account. */
	void remember(String username, String storedHash, CharSequence password) {
		if (matched != null && password != null) {
			matched.put(digest(username, storedHash, password), Boolean.TRUE);
		}
	}

	/** The remembered entries' keys, for tests: digests only. */
	java.util.Set<String> keys() {
		if (matched == null) {
			return java.util.Set.of();
		}
		matched.cleanUp();
		return java.util.Set.copyOf(matched.asMap().keySet());
	}

	/**
	 * Each part with its length in front, so that no two different triples hash the same
	 * bytes; the copy of the password is overwritten once hashed.
	 */
	private String digest(String username, String storedHash, CharSequence password) {
		byte[] secret = bytes(password);
		try {
			Mac mac = Mac.getInstance(HMAC);
			mac.init(key);
			update(mac, username.getBytes(StandardCharsets.UTF_8));
			update(mac, String.valueOf(storedHash).getBytes(StandardCharsets.UTF_8));
			update(mac, secret);
			return Base64.getEncoder().withoutPadding().encodeToString(mac.doFinal());
		}
		catch (GeneralSecurityException missing) {
			// every Java runtime has HmacSHA256
			throw new IllegalStateException(HMAC + " is not available", missing);
		}
		finally {
			Arrays.fill(secret, (byte) 0);
		}
	}

	private static void update(Mac mac, byte[] part) {
		mac.update(ByteBuffer.allocate(4).putInt(part.length).array());
		mac.update(part);
	}

	private static byte[] bytes(CharSequence password) {
		ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
		byte[] bytes = new byte[encoded.remaining()];
		encoded.get(bytes);
		if (encoded.hasArray()) {
			Arrays.fill(encoded.array(), (byte) 0);
		}
		return bytes;
	}

}
