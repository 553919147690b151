package io.scalegate.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.scalegate.ScaleGateTest;
import io.scalegate.Together;
import io.scalegate.base.InvalidInput;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The last enabled administrator survives two administrators acting at the same moment
 * (docs/adr/0014): each takes the other away, and exactly one of them wins. Without the
 * rows locked before counting, both would count two administrators and both would win,
 * leaving none. Runs on H2 and, in Failsafe's second run, on PostgreSQL.
 */
@ScaleGateTest
class LastAdministratorPersistenceTest {

	static final int ROUNDS = 5;

	@Autowired
	UserAdministration users;

	@Autowired
	JdbcClient jdbc;

	String anAdministrator(String prefix) {
		String username = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
		users.create(username, "Admin " + username, username + "@example.com", Set.of(Role.ADMIN), "race test",
				"admin");
		return username;
	}

	long enabledAdministrators(String... among) {
		return jdbc.sql("""
				select count(*) from app_user u join app_user_role r on r.username = u.username
				where r.role = 'ADMIN' and u.enabled = true and u.username in (:among)""")
			.param("among", List.of(among))
			.query(Long.class)
			.single();
	}

	List<Object> together(Callable<Object> first, Callable<Object> second) throws Exception {
		return Together.run(List.of(first, second));
	}

	static void assertOneWonAndOneWasRefused(List<Object> outcomes) {
		assertThat(outcomes).filteredOn("done"::equals).hasSize(1);
		assertThat(outcomes).filteredOn(InvalidInput.class::isInstance)
			.singleElement()
			.satisfies(refused -> assertThat(((InvalidInput) refused).reason()).contains("last enabled administrator"));
	}

	@Test
	void twoAdministratorsDisablingEachOtherLeaveOne() throws Exception {
		for (int round = 0; round < ROUNDS; round++) {
			String a = anAdministrator("race-a");
			String b = anAdministrator("race-b");
			try (var only = OnlyAdministrators.keep(jdbc, a, b)) {
				List<Object> outcomes = together(() -> {
					users.disable(b, "race", a);
					return "done";
				}, () -> {
					users.disable(a, "race", b);
					return "done";
				});
				assertOneWonAndOneWasRefused(outcomes);
				assertThat(enabledAdministrators(a, b)).as("round " + round).isEqualTo(1);
			}
		}
	}

	@Test
	void aDemotionAndADisablementAtTheSameMomentLeaveOne() throws Exception {
		for (int round = 0; round < ROUNDS; round++) {
			String a = anAdministrator("race-c");
			String b = anAdministrator("race-d");
			try (var only = OnlyAdministrators.keep(jdbc, a, b)) {
				List<Object> outcomes = together(() -> {
					users.edit(b, "Admin " + b, b + "@example.com", Set.of(Role.AUDITOR), "race", a);
					return "done";
				}, () -> {
					users.disable(a, "race", b);
					return "done";
				});
				assertOneWonAndOneWasRefused(outcomes);
				assertThat(enabledAdministrators(a, b)).as("round " + round).isEqualTo(1);
			}
		}
	}

	@Test
	void twoDemotionsAtTheSameMomentLeaveOne() throws Exception {
		for (int round = 0; round < ROUNDS; round++) {
			String a = anAdministrator("race-e");
			String b = anAdministrator("race-f");
			try (var only = OnlyAdministrators.keep(jdbc, a, b)) {
				List<Object> outcomes = together(() -> {
					users.edit(b, "Admin " + b, b + "@example.com", Set.of(Role.AUDITOR), "race", a);
					return "done";
				}, () -> {
					users.edit(a, "Admin " + a, a + "@example.com", Set.of(Role.AUDITOR), "race", b);
					return "done";
				});
				assertOneWonAndOneWasRefused(outcomes);
				assertThat(enabledAdministrators(a, b)).as("round " + round).isEqualTo(1);
			}
		}
	}

}
