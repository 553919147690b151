package io.scalegate;

import static org.assertj.core.api.Assertions.assertThat;

import io.scalegate.base.Conflict;
import io.scalegate.model.cases.DecisionCase;
import io.scalegate.model.change.ModelChange;
import io.scalegate.model.change.ModelChanges;
import io.scalegate.security.ApiTokens;
import io.scalegate.security.Role;
import io.scalegate.security.UserAccounts;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The other check-then-insert paths (issue 12, item 7), raced by eight writers released
 * together: each ends with exactly one row, and every writer either succeeded or was told
 * of the {@link Conflict} (never another exception).
 */
@ScaleGateTest
class CheckThenInsertPersistenceTest {

	static final int WRITERS = 8;

	@Autowired
	UserAccounts accounts;

	@Autowired
	ApiTokens tokens;

	@Autowired
	ModelChanges changes;

	@Autowired
	JdbcClient jdbc;

	static void onlyConflicts(List<Object> outcomes) {
		assertThat(outcomes).filteredOn(Throwable.class::isInstance).allSatisfy(refused -> {
			assertThat(refused).as(String.valueOf(refused)).isInstanceOf(Conflict.class);
		});
	}

	long count(String sql, Object value) {
		return jdbc.sql(sql).param(value).query(Long.class).single();
	}

	@Test
	void oneNewAccountSavedByEightWritersAtOnceIsOneAccount() throws Exception {
		String username = "race-" + UUID.randomUUID().toString().substring(0, 8);

		List<Object> outcomes = Together.times(WRITERS, () -> {
			accounts.save(username, "Race Account", "demo", EnumSet.of(Role.AUDITOR));
			return "saved";
		});

		onlyConflicts(outcomes);
		assertThat(outcomes).contains("saved");
		assertThat(count("select count(*) from app_user where username = ?", username)).isEqualTo(1);
	}

	@Test
	void oneTokenNameIssuedByEightWritersAtOnceIsOneToken() throws Exception {
		String name = "race-" + UUID.randomUUID().toString().substring(0, 8);

		List<Object> outcomes = Together.times(WRITERS, () -> tokens.issue(name, Role.AUDITOR, "admin"));

		onlyConflicts(outcomes);
		assertThat(outcomes).filteredOn(o -> !(o instanceof Throwable)).hasSize(1);
		assertThat(count("select count(*) from api_token where name = ?", name)).isEqualTo(1);
	}

	@Test
	void oneDecisionCaseNameSavedByEightWritersAtOnceIsOneCase() throws Exception {
		String name = "Race " + UUID.randomUUID();

		ModelChange change = changes.open(changes.latest().getId(), "bpmn/mass-production-gate.dmn", "owner");

		List<Object> outcomes = Together.times(WRITERS, () -> changes.saveCase(change.id(), null, "demandStability",
				name, "{\"demandMonths\": 12, \"demandCv\": 0.1}", "{\"demandStability\": \"STABLE\"}", "owner"));

		onlyConflicts(outcomes);
		List<Object> saved = outcomes.stream().filter(DecisionCase.class::isInstance).toList();
		assertThat(saved).hasSize(1);
		assertThat(count("select count(*) from decision_case_edit where name = ?", name)).isEqualTo(1);
		assertThat(count("select count(*) from decision_case where name = ?", name)).as("pending in the change")
			.isZero();
		changes.reject(change.id(), "owner", "a race, not a case");
	}

}
