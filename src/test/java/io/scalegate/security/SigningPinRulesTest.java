package io.scalegate.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What a signing PIN must be (docs/adr/0015). */
class SigningPinRulesTest {

	@Test
	void trivialPinsAreRefused() {
		assertThat(SigningPins.weakness("sam", null)).isPresent();
		assertThat(SigningPins.weakness("sam", "")).isPresent();
		assertThat(SigningPins.weakness("sam", "48291")).hasValue("at least 6 digits");
		assertThat(SigningPins.weakness("sam", "000000")).hasValue("not the same character repeated");
		assertThat(SigningPins.weakness("sam", "777777777")).hasValue("not the same character repeated");
		assertThat(SigningPins.weakness("sam", "123456")).hasValue("not an ascending or descending run of digits");
		assertThat(SigningPins.weakness("sam", "3456789")).hasValue("not an ascending or descending run of digits");
		assertThat(SigningPins.weakness("sam", "987654")).hasValue("not an ascending or descending run of digits");
		assertThat(SigningPins.weakness("4711942", "4711942")).hasValue("not your user id");
		assertThat(SigningPins.weakness("samuel.signer", "Samuel.Signer!")).hasValue("not your user id");
		assertThat(SigningPins.weakness("sam", "short words")).isPresent();
		assertThat(SigningPins.weakness("sam", "aaaaaaaaaaaaaa")).hasValue("not the same character repeated");
		assertThat(SigningPins.weakness("sam", "1".repeat(30) + "2".repeat(40))).isPresent();
		// 40 characters but 80 bytes: more than BCrypt takes
		assertThat(SigningPins.weakness("sam", "ä".repeat(39) + "b")).hasValueSatisfying(v -> v.startsWith("at most"));
	}

	@Test
	void realPinsAndPassphrasesAreAccepted() {
		assertThat(SigningPins.weakness("sam", "482915")).isEmpty();
		assertThat(SigningPins.weakness("sam", "1234567890123")).isEmpty();
		assertThat(SigningPins.weakness("sam", "correct horse battery")).isEmpty();
		assertThat(SigningPins.weakness("sam", "112233")).isEmpty();
	}

}
