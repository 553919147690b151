package io.scalegate.security;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Generates one-time passwords: 16 characters drawn by {@link SecureRandom} from 54
 * letters and digits that cannot be mistaken for one another (no 0/O/o, 1/l/I), about 92
 * bits. Each is valid for {@code scalegate.security.one-time-password-valid-for} (72
 * hours unless configured).
 */
@Component
class OneTimePasswords {

	static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";

	static final int LENGTH = 16;

	private final SecureRandom random = new SecureRandom();

	private final Duration validFor;

	OneTimePasswords(@Value("${scalegate.security.one-time-password-valid-for:72h}") Duration validFor) {
		this.validFor = validFor;
	}

	String generate() {
		StringBuilder password = new StringBuilder(LENGTH);
		for (int i = 0; i < LENGTH; i++) {
			password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
		}
		return password.toString();
	}

	Duration validFor() {
		return validFor;
	}

	boolean expired(Instant issuedAt, Instant now) {
		return issuedAt != null && !issuedAt.plus(validFor).isAfter(now);
	}

}
