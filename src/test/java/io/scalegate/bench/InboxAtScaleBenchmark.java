package io.scalegate.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.scalegate.ScaleGateTest;
import io.scalegate.gate.ProductLifecycle;
import io.scalegate.security.UserAccounts;
import io.scalegate.task.Inbox;
import io.scalegate.task.InboxFilter;
import io.scalegate.task.InboxFilter.Due;
import io.scalegate.task.InboxFilter.Scope;
import java.time.Instant;
import java.util.function.Supplier;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Load driver, not a unit test (excluded from the build): fills the engine with open
 * lifecycle tasks and times the inbox's page and count queries. Run:
 * {@code ./mvnw test -Dtest=InboxAtScaleBenchmark -Dinbox.tasks=100000}; results go to
 * docs/benchmarks.md.
 */
@ScaleGateTest
class InboxAtScaleBenchmark {

	@Autowired
	RuntimeService runtime;

	@Autowired
	Inbox inbox;

	@Autowired
	UserAccounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transaction;

	@Test
	void timesTheInboxQueries() {
		int total = Integer.getInteger("inbox.tasks", 100_000);
		long started = System.nanoTime();
		int batch = 1000;
		for (int from = 0; from < total; from += batch) {
			int first = from;
			transaction.executeWithoutResult(status -> {
				for (int i = first; i < Math.min(first + batch, total); i++) {
					String partNumber = String.format("LOAD-%06d", i);
					jdbc.sql("insert into product (part_number, name, customer, revision, stage, owner, registered_at) "
							+ "values (?, 'Load part', 'Load customer', 'A', 'PROTOTYPE', 'engineer', ?)")
						.params(partNumber, java.sql.Timestamp.from(Instant.now()))
						.update();
					io.scalegate.security.ScaleGateStep
						.run(() -> runtime.startProcessInstanceByKey(ProductLifecycle.PROCESS_KEY, partNumber));
				}
			});
		}
		double fillSeconds = (System.nanoTime() - started) / 1e9;
		System.out.printf("INBOX-BENCH filled %d open tasks in %.0f s (%.0f instances/s)%n", total, fillSeconds,
				total / fillSeconds);
		var engineer = accounts.find("engineer").orElseThrow();
		var gatekeeper = accounts.find("gatekeeper").orElseThrow();
		report("engineer, my groups, first page of 50, by due date",
				() -> inbox.page(engineer, InboxFilter.of(Scope.MY_GROUPS), Inbox.Sort.DUE, true, 0, 50));
		report("engineer, my groups, page 1000 of 50",
				() -> inbox.page(engineer, InboxFilter.of(Scope.MY_GROUPS), Inbox.Sort.DUE, true, 50_000 - 50, 50));
		report("engineer, my groups, count", () -> inbox.count(engineer, InboxFilter.of(Scope.MY_GROUPS)));
		report("gatekeeper, all open tasks, first page by name",
				() -> inbox.page(gatekeeper, InboxFilter.of(Scope.ALL), Inbox.Sort.NAME, true, 0, 50));
		report("gatekeeper, all, count", () -> inbox.count(gatekeeper, InboxFilter.of(Scope.ALL)));
		report("gatekeeper, product filter LOAD-0999, page", () -> inbox.page(gatekeeper,
				new InboxFilter(Scope.ALL, null, "LOAD-0999", Due.ANY), Inbox.Sort.DUE, true, 0, 50));
		report("gatekeeper, overdue, count",
				() -> inbox.count(gatekeeper, new InboxFilter(Scope.ALL, null, null, Due.OVERDUE)));
		assertThat(inbox.count(gatekeeper, InboxFilter.of(Scope.ALL))).isGreaterThanOrEqualTo(total);
	}

	private static void report(String what, Supplier<Object> query) {
		Timings.report("INBOX-BENCH", what, query);
	}

}
