package io.scalegate.dashboard;

import io.scalegate.gate.GateDecision;
import io.scalegate.gate.ProductLifecycle;
import io.scalegate.product.Product;
import io.scalegate.product.ProductService;
import io.scalegate.product.Stage;
import io.scalegate.product.StageFlow;
import io.scalegate.security.Role;
import io.scalegate.task.GateRounds;
import io.scalegate.task.GateRounds.GateRound;
import io.scalegate.task.OpenWork;
import io.scalegate.task.OpenWork.OpenTask;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;

/**
 * The portfolio's figures (docs/adr/0022-portfolio-dashboard.md): products per stage now
 * and week by week, the time spent in each stage and at each gate (median and 90th
 * percentile, nearest rank), the gate outcomes per round and the open tasks by type, age
 * and overdue role. Every count keeps the part numbers behind it, so each number on the
 * dashboard lists its products. Stage figures are aggregated in the database
 * ({@link StageFlow}); gate decisions and open tasks are read in a few paged queries,
 * never one per product.
 */
@Service
public class Portfolio {

	/** The periods the dashboard offers, in months. */
	public static final List<Integer> PERIODS = List.of(3, 6, 12);

	public static final int DEFAULT_PERIOD = 6;

	private static final int LOOKUP_CHUNK = 500;

	private final StageFlow stages;

	private final GateRounds gates;

	private final OpenWork work;

	private final ProductService products;

	private final Clock clock;

	Portfolio(StageFlow stages, GateRounds gates, OpenWork work, ProductService products, Clock clock) {
		this.stages = stages;
		this.gates = gates;
		this.work = work;
		this.products = products;
		this.clock = clock;
	}

	/**
	 * What the dashboard shows: the last {@code months} (3, 6 or 12; another number means
	 * 6) of one customer's products, or every product's (customer null or blank).
	 */
	public record Scope(int months, String customer) {

		public Scope {
			months = PERIODS.contains(months) ? months : DEFAULT_PERIOD;
			customer = customer == null || customer.isBlank() ? null : customer.strip();
		}

	}

	/** A count and the products behind it (part numbers, sorted, each once). */
	public record Cell(long count, List<String> partNumbers, Figure figure) {
	}

	/**
	 * The time products spent in a stage or at a gate: median and 90th percentile
	 * (nearest rank) of {@code samples} measurements of the products behind them.
	 */
	public record CycleTime(String label, long samples, Duration median, Duration p90, List<String> partNumbers,
			Figure figure) {
	}

	/** A gate's decisions per round: the decisions as columns, a row per round. */
	public record GateOutcomes(String gate, String label, List<String> decisions, List<OutcomeRound> rounds) {
	}

	/** One round of a gate: its count per decision (column), and all of them. */
	public record OutcomeRound(int round, Map<String, Cell> byDecision, Cell total) {
	}

	/** Open tasks of one type (task name) by how long they have waited. */
	public record WaitingTasks(String task, Map<AgeBucket, Cell> byAge, Cell total) {
	}

	/**
	 * Everything the dashboard shows, as of {@code now}, for the period from
	 * {@code from}.
	 */
	public record Figures(Scope scope, Instant from, Instant now, Map<Stage, Long> stagesNow, CumulativeFlow flow,
			List<CycleTime> stageTimes, List<CycleTime> gateTimes, List<GateOutcomes> outcomes,
			List<WaitingTasks> waiting, Map<Role, Cell> overdue) {
	}

	public Figures figures(Scope scope) {
		Instant now = clock.instant();
		Instant from = LocalDate.ofInstant(now, ZoneOffset.UTC)
			.minusMonths(scope.months())
			.atStartOfDay(ZoneOffset.UTC)
			.toInstant();
		List<Instant> points = weekPoints(from, now);
		CumulativeFlow flow = CumulativeFlow.of(stages.countsAt(points.get(0), scope.customer()),
				stages.changesBetween(points.get(0), now, scope.customer()), points);
		List<GateRound> rounds = inScope(gates.decidedBetween(from, now), GateRound::partNumber, scope);
		List<OpenTask> open = inScope(work.all(), OpenTask::partNumber, scope);
		return new Figures(scope, from, now, stages.countsNow(scope.customer()), flow,
				stageTimes(stages.staysEndedBetween(from, now, scope.customer())), gateTimes(rounds), outcomes(rounds),
				waiting(open, now), overdue(open, now));
	}

	/**
	 * The part numbers behind a figure of the dashboard for {@code scope}, sorted; empty
	 * for a figure the dashboard does not show.
	 */
	public List<String> productsBehind(Scope scope, Figure figure) {
		if (Figure.STAGE_AT.equals(figure.kind())) {
			try {
				return stages.inStageAt(Stage.valueOf(figure.parameter("stage")), Instant.parse(figure.parameter("at")),
						scope.customer());
			}
			catch (RuntimeException unreadable) {
				return List.of();
			}
		}
		Figures figures = figures(scope);
		Stream<Cell> cells = Stream
			.of(figures.stageTimes().stream().map(t -> new Cell(t.samples(), t.partNumbers(), t.figure())),
					figures.gateTimes().stream().map(t -> new Cell(t.samples(), t.partNumbers(), t.figure())),
					figures.outcomes()
						.stream()
						.flatMap(o -> o.rounds().stream())
						.flatMap(r -> Stream.concat(r.byDecision().values().stream(), Stream.of(r.total()))),
					figures.waiting()
						.stream()
						.flatMap(w -> Stream.concat(w.byAge().values().stream(), Stream.of(w.total()))),
					figures.overdue().values().stream())
			.flatMap(s -> s);
		return cells.filter(cell -> cell.figure().equals(figure)).findFirst().map(Cell::partNumbers).orElse(List.of());
	}

	/**
	 * The cumulative flow's points: every Monday 00:00 UTC after {@code from}, and now.
	 */
	static List<Instant> weekPoints(Instant from, Instant now) {
		List<Instant> points = new ArrayList<>();
		LocalDate monday = LocalDate.ofInstant(from, ZoneOffset.UTC).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
		for (Instant point = monday.atStartOfDay(ZoneOffset.UTC).toInstant(); point
			.isBefore(now); point = point.plus(Duration.ofDays(7))) {
			points.add(point);
		}
		points.add(now);
		return points;
	}

	private List<CycleTime> stageTimes(List<StageFlow.Stay> stays) {
		Map<Stage, List<StageFlow.Stay>> byStage = new EnumMap<>(Stage.class);
		Stage.runningStages().forEach(stage -> byStage.put(stage, new ArrayList<>()));
		stays.forEach(stay -> byStage.computeIfAbsent(stay.stage(), s -> new ArrayList<>()).add(stay));
		List<CycleTime> times = new ArrayList<>();
		byStage.forEach((stage, of) -> times
			.add(cycleTime(stage.label(), of.stream().map(s -> Duration.between(s.entered(), s.left())).toList(),
					of.stream().map(StageFlow.Stay::partNumber).toList(),
					Figure.of(Figure.STAGE_TIME, "stage", stage.name()))));
		return times;
	}

	private List<CycleTime> gateTimes(List<GateRound> rounds) {
		List<CycleTime> times = new ArrayList<>();
		for (String gate : GateRounds.GATE_TASKS) {
			List<GateRound> of = rounds.stream().filter(r -> r.taskKey().equals(gate) && r.waited() != null).toList();
			times.add(cycleTime(gateLabel(gate), of.stream().map(GateRound::waited).toList(),
					of.stream().map(GateRound::partNumber).toList(), Figure.of(Figure.GATE_TIME, "gate", gate)));
		}
		return times;
	}

	private static CycleTime cycleTime(String label, List<Duration> durations, List<String> partNumbers,
			Figure figure) {
		return new CycleTime(label, durations.size(), Percentiles.nearestRank(durations, 50),
				Percentiles.nearestRank(durations, 90), sorted(partNumbers), figure);
	}

	private List<GateOutcomes> outcomes(List<GateRound> rounds) {
		List<GateOutcomes> outcomes = new ArrayList<>();
		for (String gate : GateRounds.GATE_TASKS) {
			List<GateRound> of = rounds.stream().filter(r -> r.taskKey().equals(gate)).toList();
			List<String> decisions = decisionColumns(gate, of.stream().map(GateRound::decision).toList());
			Map<Integer, List<GateRound>> byRound = new TreeMap<>();
			of.forEach(r -> byRound.computeIfAbsent(r.round(), n -> new ArrayList<>()).add(r));
			List<OutcomeRound> rows = new ArrayList<>();
			byRound.forEach((round, decided) -> {
				Map<String, Cell> byDecision = new LinkedHashMap<>();
				for (String decision : decisions) {
					List<GateRound> these = decided.stream().filter(r -> r.decision().equals(decision)).toList();
					byDecision
						.put(decision, new Cell(these.size(), sorted(these.stream().map(GateRound::partNumber)), Figure
							.of(Figure.OUTCOME, "gate", gate, "round", String.valueOf(round), "decision", decision)));
				}
				rows.add(new OutcomeRound(round, byDecision,
						new Cell(decided.size(), sorted(decided.stream().map(GateRound::partNumber)),
								Figure.of(Figure.OUTCOME, "gate", gate, "round", String.valueOf(round)))));
			});
			outcomes.add(new GateOutcomes(gate, gateLabel(gate), decisions, rows));
		}
		return outcomes;
	}

	/**
	 * The decisions a gate offers, in the order people read them, then any other value
	 * recorded (a decision added to the models later, or an unrecorded one).
	 */
	static List<String> decisionColumns(String gate, Collection<String> recorded) {
		Set<String> columns = new LinkedHashSet<>();
		if (ProductLifecycle.GATE_REVIEW.equals(gate)) {
			Set<String> offered = new LinkedHashSet<>();
			for (GateDecision decision : GateDecision.values()) {
				offered.add(decision.name());
			}
			for (String preferred : List.of("GO_MASS_PRODUCTION", "GO_WITH_CONDITIONS", "STAY_SMALL_BATCH",
					"RECYCLE_TO_PROTOTYPE", "KILL", "ONE_STOP_SCALE_PLANNING")) {
				if (offered.contains(preferred) || recorded.contains(preferred)) {
					columns.add(preferred);
				}
			}
			columns.addAll(offered);
		}
		else {
			columns.addAll(List.of("GO", "RECYCLE", "KILL"));
		}
		columns.addAll(new TreeSet<>(recorded));
		return List.copyOf(columns);
	}

	private List<WaitingTasks> waiting(List<OpenTask> open, Instant now) {
		Map<String, List<OpenTask>> byName = new TreeMap<>();
		open.forEach(task -> byName
			.computeIfAbsent(task.name() == null ? task.taskKey() : task.name(), n -> new ArrayList<>())
			.add(task));
		List<WaitingTasks> waiting = new ArrayList<>();
		byName.forEach((name, tasks) -> {
			Map<AgeBucket, Cell> byAge = new EnumMap<>(AgeBucket.class);
			for (AgeBucket bucket : AgeBucket.values()) {
				List<OpenTask> these = tasks.stream()
					.filter(t -> AgeBucket.of(Duration.between(t.created(), now)) == bucket)
					.toList();
				byAge.put(bucket, new Cell(these.size(), sorted(these.stream().map(OpenTask::partNumber)),
						Figure.of(Figure.WAITING, "task", name, "age", bucket.code())));
			}
			waiting.add(new WaitingTasks(name, byAge, new Cell(tasks.size(),
					sorted(tasks.stream().map(OpenTask::partNumber)), Figure.of(Figure.WAITING, "task", name))));
		});
		return waiting;
	}

	private Map<Role, Cell> overdue(List<OpenTask> open, Instant now) {
		Map<String, OpenTask> inScope = new HashMap<>();
		open.forEach(task -> inScope.put(task.taskId(), task));
		Map<Role, Cell> overdue = new LinkedHashMap<>();
		work.overdueByRole(now).forEach((role, ids) -> {
			List<OpenTask> these = ids.stream().map(inScope::get).filter(t -> t != null).toList();
			if (!these.isEmpty()) {
				overdue.put(role, new Cell(these.size(), sorted(these.stream().map(OpenTask::partNumber)),
						Figure.of(Figure.OVERDUE, "role", role.name())));
			}
		});
		return overdue;
	}

	/**
	 * The rows of products of the scope's customer (all rows without one); rows of no
	 * product are left out when a customer is chosen.
	 */
	private <T> List<T> inScope(List<T> rows, java.util.function.Function<T, String> partNumber, Scope scope) {
		if (scope.customer() == null) {
			return rows;
		}
		List<String> partNumbers = rows.stream().map(partNumber).filter(pn -> pn != null).distinct().toList();
		Set<String> customers = new java.util.HashSet<>();
		for (int i = 0; i < partNumbers.size(); i += LOOKUP_CHUNK) {
			products.findAll(partNumbers.subList(i, Math.min(partNumbers.size(), i + LOOKUP_CHUNK)))
				.stream()
				.filter(p -> scope.customer().equals(p.customer()))
				.map(Product::partNumber)
				.forEach(customers::add);
		}
		Predicate<T> ofCustomer = row -> customers.contains(partNumber.apply(row));
		return rows.stream().filter(ofCustomer).toList();
	}

	private static List<String> sorted(List<String> partNumbers) {
		return sorted(partNumbers.stream());
	}

	private static List<String> sorted(Stream<String> partNumbers) {
		return partNumbers.filter(pn -> pn != null).distinct().sorted().toList();
	}

	/** How the dashboard names a gate task. */
	public static String gateLabel(String gate) {
		return ProductLifecycle.GATE_REVIEW.equals(gate) ? "Gate 2 (mass production)"
				: ProductLifecycle.PROTOTYPE_REVIEW.equals(gate) ? "Gate 1 (prototype)" : gate;
	}

	/** How the dashboard names a recorded decision. */
	public static String decisionLabel(String decision) {
		return switch (decision) {
			case "GO", "GO_MASS_PRODUCTION" -> "Go";
			case "GO_WITH_CONDITIONS" -> "Go with conditions";
			case "STAY_SMALL_BATCH" -> "Hold";
			case "RECYCLE", "RECYCLE_TO_PROTOTYPE" -> "Recycle";
			case "KILL" -> "Kill";
			case "ONE_STOP_SCALE_PLANNING" -> "One-stop";
			case GateRounds.UNRECORDED -> "Not recorded";
			default -> {
				String words = decision.replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
				yield words.isEmpty() ? decision : Character.toUpperCase(words.charAt(0)) + words.substring(1);
			}
		};
	}

}
