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
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Load driver, not a unit test (excluded from the build): fills the engine with open
 * lifecycle tasks (with {@code -Dinbox.started=N}: N real lifecycle starts, copied up to
 * {@code inbox.tasks}) and times the inbox's page and count queries. Run:
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
		// real lifecycle starts; the rest are copies of their rows (inbox.started <
		// total)
		int real = Math.min(total, Integer.getInteger("inbox.started", total));
		long started = System.nanoTime();
		int batch = 1000;
		for (int from = 0; from < real; from += batch) {
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
		System.out.printf("INBOX-BENCH started %d lifecycles in %.0f s (%.0f instances/s)%n", real, fillSeconds,
				real / fillSeconds);
		if (real < total) {
			long copying = System.nanoTime();
			copy(real, total);
			System.out.printf("INBOX-BENCH copied them to %d open tasks in %.0f s%n", total,
					(System.nanoTime() - copying) / 1e9);
		}
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

	/**
	 * Copies the rows the inbox reads (the process instance's executions, its task, the
	 * task's candidate group, the product) of the {@code real} started lifecycles until
	 * there are {@code total}: copy k of LOAD-000123 is LOAD-(k * real + 123). The copies
	 * have no timer job, variables or history: the inbox does not read them.
	 */
	private void copy(int real, int total) {
		String key = "'LOAD-' || right('000000' || cast(cast(substring(e.business_key_ from 6) as int) + n.k * " + real
				+ " as varchar(10)), 6)";
		String instances = "select proc_inst_id_ from act_ru_execution where business_key_ like 'LOAD-%'";
		// statistics of the started lifecycles first, or the copies are planned as nested
		// scans
		jdbc.sql("analyze").update();
		transaction.executeWithoutResult(status -> {
			jdbc.sql("create table bench_copy (k int primary key)").update();
			for (int k = 1; k * real < total; k++) {
				jdbc.sql("insert into bench_copy (k) values (?)").param(k).update();
			}
			jdbc.sql("insert into product (part_number, name, customer, revision, stage, owner, registered_at) "
					+ "select " + key.replace("e.business_key_", "e.part_number")
					+ ", e.name, e.customer, e.revision, e.stage, e.owner, e.registered_at from product e, bench_copy n "
					+ "where e.part_number like 'LOAD-%'")
				.update();
			Map<String, String> execution = Map.of("id_", "e.id_ || '-' || n.k", "proc_inst_id_",
					"e.proc_inst_id_ || '-' || n.k", "parent_id_", "e.parent_id_ || '-' || n.k", "root_proc_inst_id_",
					"e.root_proc_inst_id_ || '-' || n.k", "business_key_",
					"case when e.business_key_ is null then null else " + key + " end");
			// parents before children, for databases that check the foreign key row by
			// row
			copyRows("act_ru_execution", execution, "e.parent_id_ is null and e.proc_inst_id_ in (" + instances + ")");
			copyRows("act_ru_execution", execution,
					"e.parent_id_ = e.proc_inst_id_ and e.proc_inst_id_ in (" + instances + ")");
			copyRows("act_ru_execution", execution,
					"e.parent_id_ <> e.proc_inst_id_ and e.proc_inst_id_ in (" + instances + ")");
			copyRows("act_ru_task",
					Map.of("id_", "e.id_ || '-' || n.k", "proc_inst_id_", "e.proc_inst_id_ || '-' || n.k",
							"execution_id_", "e.execution_id_ || '-' || n.k"),
					"e.proc_inst_id_ in (" + instances + ")");
			copyRows("act_ru_identitylink",
					Map.of("id_", "e.id_ || '-' || n.k", "task_id_", "e.task_id_ || '-' || n.k"),
					"e.task_id_ in (select id_ from act_ru_task where proc_inst_id_ in (" + instances + "))");
			jdbc.sql("drop table bench_copy").update();
		});
		// fresh statistics, as autovacuum would give a real database after such a load
		jdbc.sql("analyze").update();
	}

	private void copyRows(String table, Map<String, String> changed, String where) {
		List<String> columns = jdbc.sql("select * from " + table + " where 1 = 0").query((java.sql.ResultSet rs) -> {
			List<String> names = new java.util.ArrayList<>();
			for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
				names.add(rs.getMetaData().getColumnName(i).toLowerCase(java.util.Locale.ROOT));
			}
			return names;
		});
		String values = columns.stream()
			.map(c -> changed.getOrDefault(c, "e." + c))
			.collect(java.util.stream.Collectors.joining(", "));
		int rows = jdbc
			.sql("insert into " + table + " (" + String.join(", ", columns) + ") select " + values + " from " + table
					+ " e, bench_copy n where " + where)
			.update();
		System.out.printf("INBOX-BENCH copied %d rows of %s%n", rows, table);
	}

	private static void report(String what, Supplier<Object> query) {
		Timings.report("INBOX-BENCH", what, query);
	}

}
