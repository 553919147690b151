package io.scalegate.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scalegate.base.InvalidInput;
import org.junit.jupiter.api.Test;

/** The password policy on its own (NIST SP 800-63B §5.1.1.2, docs/adr/0014). */
class PasswordPolicyTest {

	final PasswordPolicy policy = new PasswordPolicy();

	String problem(String password) {
		return policy.problem(password, "jdoe", "Jane Q. Doe-Smith");
	}

	@Test
	void lengthIsTheRuleNotComposition() {
		assertThat(problem("")).isEqualTo("enter a new password");
		assertThat(problem("Xy7!Xy7!Xy7")).startsWith("must have at least 12 characters (it has 11)");
		// no digits, no capitals, no symbols: long enough is good enough
		assertThat(problem("purple tractor sings loudly")).isNull();
		assertThat(problem("x".repeat(63) + "y")).isNull();
		assertThat(problem("x".repeat(64) + "y")).startsWith("must have at most 64 characters");
		// BCrypt reads 72 bytes: more would be cut off or refused with an error
		assertThat(problem("🦊🐢🦉🐙🦋🐝🦀🐬🦩🐞🦔🐌🦊🐢🦉🐙🦋🐝🦀")).startsWith("must fit in 72 bytes");
		// spaces only, however exotic, and invisible formatting are refused
		assertThat(problem("\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u3000"))
			.isEqualTo("must not be spaces only");
		assertThat(problem("purple\u202etractor sings")).startsWith("must not contain control");
		// characters, not UTF-16 units: twelve emoji are twelve characters
		assertThat(problem("🦊🐢🦉🐙🦋🐝🦀🐬🦩🐞🦔🐌")).isNull();
	}

	@Test
	void commonPasswordsAreRefusedWhateverTheirCase() {
		assertThat(problem("qwerty123456")).isEqualTo("is one of the most common passwords; choose another");
		assertThat(problem("1QAZ2WSX3EDC")).isEqualTo("is one of the most common passwords; choose another");
		assertThat(problem("LeaveMeAlone")).isEqualTo("is one of the most common passwords; choose another");
	}

	@Test
	void repeatedPatternsAreRefused() {
		assertThat(problem("aaaaaaaaaaaaaaaa")).isEqualTo("is one short pattern repeated; choose another");
		assertThat(problem("tractortractor")).isEqualTo("is one short pattern repeated; choose another");
		assertThat(problem("abcabcabcabc")).isEqualTo("is one short pattern repeated; choose another");
	}

	@Test
	void theUserIdAndTheNameAreRefusedAsPartOfIt() {
		assertThat(problem("my id is JDOE, honestly")).isEqualTo("must not contain your user id");
		assertThat(problem("smith family holidays")).isEqualTo("must not contain your name");
		assertThat(problem("dearest jane forever")).isEqualTo("must not contain your name");
		// the name's parts squeezed together are found too
		assertThat(problem("d.o.e.lovesbananas")).isEqualTo("must not contain your name");
	}

	@Test
	void theCurrentPasswordAndAMismatchedRepeatAreRefusedNamingTheirFields() {
		assertThatThrownBy(() -> policy.check("newPassword", "purple tractor sings", "repeatPassword",
				"purple tractor sings", "jdoe", "Jane Doe", "purple tractor sings"::equals))
			.isInstanceOfSatisfying(InvalidInput.class, invalid -> {
				assertThat(invalid.field()).isEqualTo("newPassword");
				assertThat(invalid.reason()).isEqualTo("must differ from your current password");
			});
		assertThatThrownBy(() -> policy.check("newPassword", "purple tractor sings", "repeatPassword",
				"purple tractor sang", "jdoe", "Jane Doe", candidate -> false))
			.isInstanceOfSatisfying(InvalidInput.class, invalid -> {
				assertThat(invalid.problems()).extracting(InvalidInput.FieldProblem::field)
					.containsExactly("repeatPassword");
				assertThat(invalid.reason()).isEqualTo("does not match the new password");
			});
		policy.check("newPassword", "purple tractor sings", "repeatPassword", "purple tractor sings", "jdoe",
				"Jane Doe", candidate -> false);
	}

}
