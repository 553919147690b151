package io.scalegate.task;

import static io.scalegate.gate.ProductLifecycle.GATE_DECISION;
import static io.scalegate.gate.ProductLifecycle.GATE_REVIEW;
import static io.scalegate.gate.ProductLifecycle.PROTOTYPE_DECISION;
import static io.scalegate.gate.ProductLifecycle.PROTOTYPE_REVIEW;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Every gate decision of a period, for the portfolio: which gate, which round of it for
 * the product (its first decision at that gate, its second, …), the decision as the
 * signature recorded it ({@code prototypeDecision}, {@code gateDecision}: whatever value
 * it holds, so a decision added later counts without a change here), and when the gate
 * task was opened (Camunda's history) and decided (the signature). Read from the
 * signatures (one query) and the engine's history of the gate tasks (paged), not per
 * product.
 */
@Service
public class GateRounds {

	/** The gate tasks, Gate 1 and Gate 2. */
	public static final List<String> GATE_TASKS = List.of(PROTOTYPE_REVIEW, GATE_REVIEW);

	/** A decision not recorded in the signature's values. */
	public static final String UNRECORDED = "UNRECORDED";

	private static final int PAGE = 1000;

	private final JdbcClient jdbc;

	private final HistoryService history;

	private final ObjectMapper json;

	GateRounds(JdbcClient jdbc, HistoryService history, ObjectMapper json) {
		this.jdbc = jdbc;
		this.history = history;
		this.json = json;
	}

	/**
	 * One decision at a gate: {@code round} counts the product's decisions at this gate
	 * from 1; {@code opened} is null when the engine's history no longer holds the task.
	 */
	public record GateRound(String partNumber, String taskKey, String taskId, int round, Instant opened,
			Instant decidedAt, String decision) {

		/** From the gate task's creation to its decision; null when not known. */
		public Duration waited() {
			return opened == null ? null : Duration.between(opened, decidedAt);
		}

	}

	/**
	 * The gate decisions signed after {@code from} and at or before {@code to}, with
	 * their rounds counted over the products' whole history.
	 */
	public List<GateRound> decidedBetween(Instant from, Instant to) {
		record Row(String taskId, String taskKey, String partNumber, Instant signedAt, String values) {
		}
		// every gate signature of the products that have one in the period, up to its
		// end:
		// the earlier ones only count the rounds
		List<Row> rows = jdbc.sql("select task_id, task_key, part_number, signed_at,"
				+ " case when signed_at > :from then signed_values else null end signed_values from signature"
				+ " where task_key in (:keys) and signed_at <= :to and part_number in (select part_number from signature"
				+ " where task_key in (:keys) and signed_at > :from and signed_at <= :to)"
				+ " order by part_number, task_key, signed_at, id")
			.param("keys", GATE_TASKS)
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.query((rs, i) -> new Row(rs.getString("task_id"), rs.getString("task_key"), rs.getString("part_number"),
					rs.getTimestamp("signed_at").toInstant(), rs.getString("signed_values")))
			.list();
		Map<String, Instant> opened = openedSince(from.minus(Duration.ofDays(1)));
		List<GateRound> rounds = new ArrayList<>();
		Map<String, Integer> counted = new HashMap<>();
		for (Row row : rows) {
			int round = counted.merge(row.partNumber() + "\n" + row.taskKey(), 1, Integer::sum);
			if (row.signedAt().isAfter(from)) {
				rounds.add(new GateRound(row.partNumber(), row.taskKey(), row.taskId(), round, opened.get(row.taskId()),
						row.signedAt(), decision(row.taskKey(), row.values())));
			}
		}
		return rounds;
	}

	/**
	 * When each gate task finished after {@code since} was created, from the engine's
	 * history (paged).
	 */
	private Map<String, Instant> openedSince(Instant since) {
		Map<String, Instant> opened = new HashMap<>();
		for (int first = 0;; first += PAGE) {
			List<HistoricTaskInstance> page = history.createHistoricTaskInstanceQuery()
				.taskDefinitionKeyIn(GATE_TASKS.toArray(String[]::new))
				.finished()
				.finishedAfter(Date.from(since))
				.orderByTaskId()
				.asc()
				.listPage(first, PAGE);
			page.forEach(task -> opened.put(task.getId(), task.getStartTime().toInstant()));
			if (page.size() < PAGE) {
				return opened;
			}
		}
	}

	private String decision(String taskKey, String values) {
		String variable = GATE_REVIEW.equals(taskKey) ? GATE_DECISION.name() : PROTOTYPE_DECISION.name();
		try {
			JsonNode value = json.readTree(values).get(variable);
			return value == null || !value.isTextual() || value.asText().isBlank() ? UNRECORDED : value.asText();
		}
		catch (Exception unreadable) {
			return UNRECORDED;
		}
	}

}
