package io.scalegate;

import static org.assertj.core.api.Assertions.assertThat;

import io.scalegate.base.Conflict;
import io.scalegate.model.cases.DecisionCase;
import io.scalegate.model.cases.DecisionCases;
import io.scalegate.security.ApiTokens;
import io.scalegate.security.Role;
import io.scalegate.security.UserAccounts;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
	DecisionCases cases;

	@Autowired
	JdbcClient jdbc;

	/** Runs {@code write} {@link #WRITERS} times at once; returns each outcome. */
	static List<Object> together(Callable<Object> write) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
		try {
			CountDownLatch ready = new CountDownLatch(WRITERS);
			CountDownLatch go = new CountDownLatch(1);
			List<Future<Object>> futures = new ArrayList<>();
			for (int i = 0; i < WRITERS; i++) {
				futures.add(pool.submit(() -> {
					ready.countDown();
					go.await();
					try {
						return write.call();
					}
					catch (RuntimeException refused) {
						return refused;
					}
				}));
			}
			ready.await();
			go.countDown();
			List<Object> outcomes = new ArrayList<>();
			for (Future<Object> future : futures) {
				outcomes.add(future.get());
			}
			return outcomes;
		}
		finally {
			pool.shutdownNow();
		}
	}

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

		List<Object> outcomes = together(() -> {
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

		List<Object> outcomes = together(() -> tokens.issue(name, Role.AUDITOR, "admin"));

		onlyConflicts(outcomes);
		assertThat(outcomes).filteredOn(o -> !(o instanceof Throwable)).hasSize(1);
		assertThat(count("select count(*) from api_token where name = ?", name)).isEqualTo(1);
	}

	@Test
	void oneDecisionCaseNameSavedByEightWritersAtOnceIsOneCase() throws Exception {
		String name = "Race " + UUID.randomUUID();

		List<Object> outcomes = together(() -> cases.save(null, "demandStability", name,
				"{\"demandMonths\": 12, \"demandCv\": 0.1}", "{\"demandStability\": \"STABLE\"}", "owner"));

		onlyConflicts(outcomes);
		List<Object> saved = outcomes.stream().filter(DecisionCase.class::isInstance).toList();
		assertThat(saved).hasSize(1);
		assertThat(count("select count(*) from decision_case where name = ?", name)).isEqualTo(1);
		cases.remove(((DecisionCase) saved.get(0)).id(), "owner");
	}

}
