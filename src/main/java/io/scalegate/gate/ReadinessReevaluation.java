package io.scalegate.gate;

import io.scalegate.base.Conflict;
import io.scalegate.product.GateRules;
import io.scalegate.product.Product;
import io.scalegate.product.ProductService;
import io.scalegate.product.ReevaluationProgress;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionRequirementsDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Judges the running products' stored verdicts again when a new version of the gate rules
 * is deployed, so that the products list's "gate ready" and "blocked by" filters (which
 * count only verdicts of the deployed rules) soon count every running product again.
 * <p>
 * It starts after a deployment has committed, at start-up and every few minutes when
 * stored verdicts of older rules are left, always on a background thread of its own (one
 * per node, so one re-evaluation after the other). Verdicts of rules that are the same
 * file as the deployed ones (a deployment that changed another model) are carried over
 * without judging. Otherwise one node of a cluster claims the rules version (a row of
 * {@code readiness_reevaluation}: the first insert wins) and judges product by product,
 * in part number order, each in a transaction of its own; a product that fails is logged
 * and counted and keeps its old verdict. Progress is written after every batch; a run
 * whose node stopped reporting is taken over by the next check on any node. Products that
 * no longer run (mass production, one-stop scale planning, cancelled) keep the verdict
 * they were last judged with.
 */
@Service
public class ReadinessReevaluation implements GateRules {

	static final int BATCH = 200;

	/** A run whose node has not reported for this long is taken over. */
	static final Duration STALLED_AFTER = Duration.ofMinutes(2);

	private static final Logger log = LoggerFactory.getLogger(ReadinessReevaluation.class);

	private final ReadinessCheck readiness;

	private final ProductService products;

	private final RepositoryService repository;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final String node;

	private final ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();

	ReadinessReevaluation(ReadinessCheck readiness, ProductService products, RepositoryService repository,
			JdbcClient jdbc, PlatformTransactionManager transactions, ApplicationEventPublisher events, Clock clock) {
		this.readiness = readiness;
		this.products = products;
		this.repository = repository;
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactions);
		this.events = events;
		this.clock = clock;
		this.node = ManagementFactory.getRuntimeMXBean().getName();
		executor.setCorePoolSize(1);
		executor.setMaxPoolSize(1);
		executor.setThreadNamePrefix("readiness-reevaluation-");
		executor.setDaemon(true);
		executor.initialize();
	}

	@PreDestroy
	void stop() {
		executor.shutdown();
	}

	/**
	 * At start-up: the app may have stopped during a re-evaluation, or after a
	 * deployment.
	 */
	@EventListener(ApplicationReadyEvent.class)
	void onStart() {
		start();
	}

	/** Takes over a re-evaluation whose node died, on the nodes that keep running. */
	@Scheduled(fixedDelayString = "${scalegate.readiness.reevaluation-check-every:5m}",
			initialDelayString = "${scalegate.readiness.reevaluation-check-every:5m}")
	void periodically() {
		start();
	}

	/**
	 * Starts judging stored verdicts of older gate rules again on this node's background
	 * thread (after whatever it runs now), unless another node already does. Returns at
	 * once.
	 */
	public void start() {
		try {
			executor.execute(() -> {
				try {
					run();
				}
				catch (RuntimeException failed) {
					log.error("The re-evaluation of stored gate verdicts stopped; the next check resumes it", failed);
				}
			});
		}
		catch (TaskRejectedException stopping) {
			// this node shuts down: the next start-up or another node's check takes it up
			log.info("Not re-judging stored gate verdicts: this node is stopping");
		}
	}

	/**
	 * Whether this node is judging verdicts again now or has a re-evaluation waiting to
	 * start.
	 */
	public boolean busy() {
		return executor.getActiveCount() > 0 || executor.getThreadPoolExecutor().getQueue().size() > 0;
	}

	/**
	 * Judges stored verdicts of older gate rules again here and now, unless another node
	 * already does (then returns false at once): the work {@link #start()} runs in the
	 * background. Returns whether this call ran it.
	 */
	public boolean run() {
		return run(readiness::refresh);
	}

	/** As {@link #run()}, judging each product with {@code judge}. */
	boolean run(Function<String, Readiness> judge) {
		DecisionRequirementsDefinition deployed = readiness.deployedRules();
		if (deployed == null) {
			return false;
		}
		int version = deployed.getVersion();
		carrySameRules(deployed);
		int remaining = products.countJudgedBefore(version);
		Optional<Claim> claim = claim(version, remaining);
		if (claim.isEmpty()) {
			return false;
		}
		Claim run = claim.get();
		transactions.executeWithoutResult(
				tx -> events.publishEvent(new ReevaluationStarted(version, run.total(), node, run.resumed())));
		log.info("Re-judging {} products under gate rules v{} on {}", remaining, version, node);
		int done = run.done();
		int failed = run.failed();
		int changed = run.changed();
		Integer supersededBy = null;
		String after = null;
		boolean interrupted = false;
		while (!interrupted) {
			List<String> batch = products.judgedBefore(version, after, BATCH);
			if (batch.isEmpty()) {
				break;
			}
			for (String partNumber : batch) {
				if (Thread.currentThread().isInterrupted()) {
					interrupted = true;
					break;
				}
				try {
					if (judge(partNumber, judge)) {
						changed++;
					}
				}
				catch (RuntimeException refused) {
					failed++;
					log.warn("Product {} could not be judged under gate rules v{}; it keeps its verdict of v{}",
							partNumber, version, products.find(partNumber).map(Product::gateRulesVersion).orElse(null),
							refused);
				}
				done++;
				after = partNumber;
			}
			if (!report(version, done, failed, changed)) {
				log.info("The re-evaluation under gate rules v{} was taken over by another node", version);
				return true;
			}
			OptionalInt now = deployedVersion();
			if (now.isPresent() && now.getAsInt() != version) {
				supersededBy = now.getAsInt();
				break;
			}
		}
		if (interrupted) {
			log.info("The re-evaluation under gate rules v{} stopped with this node; another resumes it", version);
			return true;
		}
		finish(version, run.total(), done, failed, changed, supersededBy);
		return true;
	}

	/**
	 * Judges the product again; whether its verdict changed. Retried once when the
	 * product was changed at the same moment.
	 */
	private boolean judge(String partNumber, Function<String, Readiness> judge) {
		Product before = products.get(partNumber);
		Readiness after;
		try {
			after = judge.apply(partNumber);
		}
		catch (RuntimeException collided) {
			Conflict conflict = Conflict.of(collided);
			if (conflict == null || !conflict.retry()) {
				throw collided;
			}
			before = products.get(partNumber);
			after = judge.apply(partNumber);
		}
		return !Objects.equals(before.gateRecommendation(), after.recommendation())
				|| !before.blockers().equals(after.reasons().stream().map(GateReason::name).toList());
	}

	/**
	 * Verdicts of an older version whose gate rules are the very file deployed now (a
	 * deployment that changed another model) need no judging: they carry over.
	 */
	private void carrySameRules(DecisionRequirementsDefinition deployed) {
		byte[] current = null;
		for (int older : products.rulesVersionsBefore(deployed.getVersion())) {
			if (older < 1) {
				continue;
			}
			DecisionRequirementsDefinition then = repository.createDecisionRequirementsDefinitionQuery()
				.decisionRequirementsDefinitionKey(ProductLifecycle.GATE_DRD_KEY)
				.decisionRequirementsDefinitionVersion(older)
				.singleResult();
			if (then == null) {
				continue;
			}
			if (current == null) {
				current = model(deployed);
			}
			if (Arrays.equals(current, model(then))) {
				int carried = products.carryVerdicts(older, deployed.getVersion());
				log.info("{} verdicts of gate rules v{} carried over to v{}: the same rules", carried, older,
						deployed.getVersion());
			}
		}
	}

	private byte[] model(DecisionRequirementsDefinition drd) {
		try (InputStream in = repository.getDecisionRequirementsModel(drd.getId())) {
			return in.readAllBytes();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** What a claim found: a new run, or one taken over from a node that stopped. */
	private record Claim(int total, int done, int failed, int changed, boolean resumed) {
	}

	/**
	 * Claims the re-evaluation under {@code version} for this node: the first insert of
	 * its row wins; a row whose node stopped reporting is taken over (its counts go on).
	 * Empty when there is nothing to judge or another node runs it.
	 */
	private Optional<Claim> claim(int version, int remaining) {
		Instant now = clock.instant();
		Optional<ReevaluationProgress> existing = progress(version);
		if (existing.isEmpty()) {
			if (remaining == 0) {
				return Optional.empty();
			}
			try {
				jdbc.sql("insert into readiness_reevaluation (rules_version, total, done, failed, changed, node,"
						+ " started_at, heartbeat_at) values (:version, :total, 0, 0, 0, :node, :now, :now)")
					.param("version", version)
					.param("total", remaining)
					.param("node", node)
					.param("now", Timestamp.from(now))
					.update();
				return Optional.of(new Claim(remaining, 0, 0, 0, false));
			}
			catch (RuntimeException raced) {
				if (Conflict.of(raced) == null) {
					throw raced;
				}
				// another node inserted it at the same moment: it runs it
				return Optional.empty();
			}
		}
		ReevaluationProgress row = existing.get();
		if (!row.stalled()) {
			// running elsewhere, or finished: its failures wait for newer rules
			return Optional.empty();
		}
		int total = row.done() + remaining;
		int taken = jdbc
			.sql("update readiness_reevaluation set node = :node, heartbeat_at = :now, total = :total"
					+ " where rules_version = :version and finished_at is null and heartbeat_at < :stalledBefore")
			.param("node", node)
			.param("now", Timestamp.from(now))
			.param("total", total)
			.param("version", version)
			.param("stalledBefore", Timestamp.from(now.minus(STALLED_AFTER)))
			.update();
		if (taken == 0) {
			return Optional.empty();
		}
		log.info("Taking over the re-evaluation under gate rules v{} from {}", version, row.node());
		return Optional.of(new Claim(total, row.done(), row.failed(), row.changed(), true));
	}

	/** Writes the progress; false when another node took the run over. */
	private boolean report(int version, int done, int failed, int changed) {
		return jdbc
			.sql("update readiness_reevaluation set done = :done, failed = :failed, changed = :changed,"
					+ " heartbeat_at = :now where rules_version = :version and node = :node and finished_at is null")
			.param("done", done)
			.param("failed", failed)
			.param("changed", changed)
			.param("now", Timestamp.from(clock.instant()))
			.param("version", version)
			.param("node", node)
			.update() == 1;
	}

	private void finish(int version, int total, int done, int failed, int changed, Integer supersededBy) {
		transactions.executeWithoutResult(tx -> {
			Instant now = clock.instant();
			jdbc.sql("update readiness_reevaluation set done = :done, failed = :failed, changed = :changed,"
					+ " total = :total, heartbeat_at = :now, finished_at = :now where rules_version = :version")
				.param("done", done)
				.param("failed", failed)
				.param("changed", changed)
				.param("total", Math.max(total, done))
				.param("now", Timestamp.from(now))
				.param("version", version)
				.update();
			events.publishEvent(new ReevaluationFinished(version, Math.max(total, done), done, failed, changed, node,
					supersededBy));
		});
		log.info("Re-judged {} products under gate rules v{}: {} changed verdict, {} failed", done, version, changed,
				failed);
	}

	@Override
	public OptionalInt deployedVersion() {
		DecisionRequirementsDefinition deployed = readiness.deployedRules();
		return deployed == null ? OptionalInt.empty() : OptionalInt.of(deployed.getVersion());
	}

	@Override
	public Optional<ReevaluationProgress> reevaluation() {
		return jdbc.sql("select * from readiness_reevaluation order by rules_version desc limit 1")
			.query(this::row)
			.optional();
	}

	/** The re-evaluation under gate rules {@code version}, if one began. */
	public Optional<ReevaluationProgress> progress(int version) {
		return jdbc.sql("select * from readiness_reevaluation where rules_version = :version")
			.param("version", version)
			.query(this::row)
			.optional();
	}

	private ReevaluationProgress row(ResultSet rs, int rowNumber) throws SQLException {
		Timestamp finished = rs.getTimestamp("finished_at");
		Instant heartbeat = rs.getTimestamp("heartbeat_at").toInstant();
		return new ReevaluationProgress(rs.getInt("rules_version"), rs.getInt("total"), rs.getInt("done"),
				rs.getInt("failed"), rs.getInt("changed"), rs.getString("node"),
				rs.getTimestamp("started_at").toInstant(), finished == null ? null : finished.toInstant(),
				finished == null && heartbeat.isBefore(clock.instant().minus(STALLED_AFTER)));
	}

}
