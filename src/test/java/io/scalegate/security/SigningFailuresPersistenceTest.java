package io.scalegate.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scalegate.ScaleGateTest;
import io.scalegate.Together;
import io.scalegate.base.InvalidInput;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Wrong signing passwords entered at the same moment (issue 12, item 8): each one counts,
 * because the counter is one atomic {@code UPDATE}, not read, add one, write.
 */
@ScaleGateTest
class SigningFailuresPersistenceTest {

	@Autowired
	SigningCredentials signing;

	@Autowired
	UserAccounts accounts;

	@Autowired
	JdbcClient jdbc;

	String aSigner() {
		String username = "signer-" + UUID.randomUUID().toString().substring(0, 8);
		accounts.save(username, "Test " + username, "demo", EnumSet.of(Role.GATEKEEPER));
		return username;
	}

	/** Enters {@code n} wrong passwords at once; returns the refusals' messages. */
	List<String> wrongPasswordsTogether(String username, int n) throws Exception {
		return Together.times(n, () -> {
			signing.verify(username, "wrong");
			return "accepted";
		})
			.stream()
			.map(outcome -> outcome instanceof InvalidInput refused ? refused.reason() : String.valueOf(outcome))
			.toList();
	}

	int failures(String username) {
		return jdbc.sql("select failed_signatures from app_user where username = ?")
			.param(username)
			.query(Integer.class)
			.single();
	}

	@Test
	void fourConcurrentWrongPasswordsCountFour() throws Exception {
		String signer = aSigner();

		List<String> refusals = wrongPasswordsTogether(signer, SigningCredentials.MAX_FAILURES - 1);

		assertThat(refusals).allMatch(m -> m.startsWith("wrong password"));
		assertThat(failures(signer)).isEqualTo(SigningCredentials.MAX_FAILURES - 1);
		assertThat(refusals).containsExactlyInAnyOrder("wrong password (1 of 5 attempts before signing is locked)",
				"wrong password (2 of 5 attempts before signing is locked)",
				"wrong password (3 of 5 attempts before signing is locked)",
				"wrong password (4 of 5 attempts before signing is locked)");
	}

	@Test
	void tenConcurrentWrongPasswordsLockSigningEvenForTheRightOne() throws Exception {
		String signer = aSigner();

		List<String> refusals = wrongPasswordsTogether(signer, 2 * SigningCredentials.MAX_FAILURES);

		assertThat(refusals).noneMatch("accepted"::equals);
		assertThat(refusals).filteredOn(m -> m.contains("now locked")).hasSize(1);
		assertThatThrownBy(() -> signing.verify(signer, "demo")).isInstanceOf(InvalidInput.class)
			.hasMessageContaining("locked");
	}

}
