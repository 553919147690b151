package io.scalegate.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.ToDoubleFunction;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.management.Metrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The figures that take a database query: open and overdue tasks per task type, the job
 * executor's jobs, open incidents, the engine's reported job counts and the audit chain's
 * length, its unsealed tail and the seal lag (whole seconds). They are read in the
 * background every {@code scalegate.metrics.refresh-every} (30 s) on each node, about a
 * dozen cheap counts, and a scrape only reads the last snapshot: scrapes, however often
 * and from however many Prometheus servers, add no database load and cannot fail or wait
 * on the database (docs/adr/0026). A figure whose query failed is NaN until a later
 * refresh reads it (the failure logged and counted in
 * {@code scalegate_metrics_refresh_failures_total}): a stale number must not pass for the
 * current one. They are the cluster's figures, the same on every node.
 */
@Component
class DatabaseFigures implements MeterBinder {

	private static final Logger log = LoggerFactory.getLogger(DatabaseFigures.class);

	/** The engine's job counts kept in its meter log, by their Prometheus label. */
	private static final Map<String, String> JOB_EVENTS = Map.of("acquisition_attempt", Metrics.JOB_ACQUISITION_ATTEMPT,
			"acquired", Metrics.JOB_ACQUIRED_SUCCESS, "successful", Metrics.JOB_SUCCESSFUL, "failed",
			Metrics.JOB_FAILED);

	private final JdbcClient jdbc;

	private final ManagementService management;

	private final RuntimeService runtime;

	private final Clock clock;

	private volatile Map<String, Double> figures = Map.of();

	private MultiGauge openTasks;

	private MultiGauge overdueTasks;

	private Counter failures;

	DatabaseFigures(JdbcClient jdbc, ManagementService management, RuntimeService runtime, Clock clock) {
		this.jdbc = jdbc;
		this.management = management;
		this.runtime = runtime;
		this.clock = clock;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		gauge(registry, "scalegate.jobs.due", "Jobs due with retries left, taken or not", "jobs.due");
		gauge(registry, "scalegate.jobs.locked", "Jobs taken by a node's job executor (locked)", "jobs.locked");
		gauge(registry, "scalegate.jobs.with.exception", "Jobs whose last run failed, retried or not",
				"jobs.withException");
		gauge(registry, "scalegate.jobs.failed", "Jobs without retries left (each an incident)", "jobs.failed");
		gauge(registry, "scalegate.incidents.open", "Open incidents of the engine", "incidents");
		gauge(registry, "scalegate.audit.chain.length", "Entries chained in the audit trail (audit_head.last_id)",
				"audit.chainLength");
		gauge(registry, "scalegate.audit.entries", "Entries in the audit trail (the highest id)", "audit.entries");
		gauge(registry, "scalegate.audit.unsealed", "Rows of the audit trail's unsealed tail (audit_pending)",
				"audit.unsealed");
		gauge(registry, "scalegate.audit.seal.lag.seconds",
				"Age of the oldest row of the audit trail's unsealed tail (0 when it is empty)", "audit.sealLag");
		JOB_EVENTS.keySet()
			.forEach(event -> FunctionCounter.builder("scalegate.engine.job.events", this, read("engine." + event))
				.description("Job executor events the engine reported to its meter log, all nodes "
						+ "(reported every 15 min by default)")
				.tag("event", event)
				.register(registry));
		openTasks = MultiGauge.builder("scalegate.tasks.open")
			.description("Open user tasks per task type (task definition key)")
			.register(registry);
		overdueTasks = MultiGauge.builder("scalegate.tasks.overdue")
			.description("Open user tasks past their due date per task type")
			.register(registry);
		failures = Counter.builder("scalegate.metrics.refresh.failures")
			.description("Database figures whose query failed")
			.register(registry);
	}

	/**
	 * Reads every figure again; never throws. First as the application has started (NaN
	 * until then).
	 */
	@Scheduled(fixedDelayString = "${scalegate.metrics.refresh-every:30s}")
	void refresh() {
		if (failures == null) {
			return; // not bound to a registry yet
		}
		Map<String, Double> next = new HashMap<>();
		read(next, "jobs.due", () -> management.createJobQuery().executable().count());
		read(next, "jobs.locked", () -> management.createJobQuery().acquired().count());
		read(next, "jobs.withException", () -> management.createJobQuery().withException().count());
		read(next, "jobs.failed", () -> management.createJobQuery().noRetriesLeft().count());
		read(next, "incidents", () -> runtime.createIncidentQuery().count());
		JOB_EVENTS.forEach(
				(event, name) -> read(next, "engine." + event, () -> management.createMetricsQuery().name(name).sum()));
		read(next, "audit.chainLength",
				() -> jdbc.sql("select last_id from audit_head where id = 1").query(Long.class).single());
		read(next, "audit.entries",
				() -> jdbc.sql("select coalesce(max(id), 0) from audit_entry").query(Long.class).single());
		read(next, "audit.unsealed", () -> jdbc.sql("select count(*) from audit_pending").query(Long.class).single());
		read(next, "audit.sealLag",
				() -> jdbc.sql("select min(occurred_at) from audit_pending")
					.query(Timestamp.class)
					.optional()
					.map(oldest -> Math.max(0, clock.millis() - oldest.getTime()) / 1000)
					.orElse(0L));
		figures = next;
		refreshTasks();
	}

	private void refreshTasks() {
		try {
			List<TaskCount> counts = jdbc
				.sql("select task_def_key_, count(*), sum(case when due_date_ < :now then 1 else 0 end) "
						+ "from act_ru_task group by task_def_key_")
				.param("now", Timestamp.from(clock.instant()))
				.query((row, n) -> new TaskCount(row.getString(1) == null ? "none" : row.getString(1), row.getLong(2),
						row.getLong(3)))
				.list();
			openTasks.register(counts.stream()
				.map(count -> MultiGauge.Row.of(Tags.of("task", count.type()), count.open()))
				.toList(), true);
			overdueTasks.register(counts.stream()
				.map(count -> MultiGauge.Row.of(Tags.of("task", count.type()), count.overdue()))
				.toList(), true);
		}
		catch (RuntimeException failed) {
			failed("tasks", failed);
			openTasks.register(List.of(), true);
			overdueTasks.register(List.of(), true);
		}
	}

	private void read(Map<String, Double> into, String figure, LongSupplier query) {
		try {
			into.put(figure, (double) query.getAsLong());
		}
		catch (RuntimeException failed) {
			failed(figure, failed);
		}
	}

	private void failed(String figure, RuntimeException failure) {
		failures.increment();
		log.warn("metrics: could not read {} from the database: {}", figure, failure.toString());
	}

	private ToDoubleFunction<DatabaseFigures> read(String figure) {
		return self -> self.figures.getOrDefault(figure, Double.NaN);
	}

	private void gauge(MeterRegistry registry, String name, String description, String figure) {
		Gauge.builder(name, this, read(figure)).description(description).register(registry);
	}

	private record TaskCount(String type, long open, long overdue) {
	}

}
