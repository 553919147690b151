package io.scalegate.product;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The stage history of the whole portfolio, aggregated in the database for the portfolio
 * dashboard: how many products are in each stage now or were at an instant, the changes
 * in a period, the finished stays in a stage and the products in a stage at an instant. A
 * product is in the stage of its latest change at or before an instant. Each query may be
 * narrowed to one customer (null or blank: every product).
 */
@Component
public class StageFlow {

	private final JdbcClient jdbc;

	StageFlow(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** One change of stage; {@code from} is null for a registration. */
	public record Change(String partNumber, Stage from, Stage to, Instant at) {
	}

	/** A finished stay in a stage: entered and left. */
	public record Stay(String partNumber, Stage stage, Instant entered, Instant left) {
	}

	/** How many products are in each stage now (every stage, zero when none). */
	public Map<Stage, Long> countsNow(String customer) {
		Map<Stage, Long> counts = zeros();
		jdbc.sql("select stage, count(*) n from product p where " + CUSTOMER + " group by stage")
			.param("customer", blankToNull(customer))
			.query((row, i) -> Map.entry(Stage.valueOf(row.getString("stage")), row.getLong("n")))
			.list()
			.forEach(entry -> counts.put(entry.getKey(), entry.getValue()));
		return counts;
	}

	/**
	 * How many products were in each stage at {@code at}: those that entered it minus
	 * those that left it, at or before then (counted in the database).
	 */
	public Map<Stage, Long> countsAt(Instant at, String customer) {
		Map<Stage, Long> counts = zeros();
		jdbc.sql("select s.from_stage, s.to_stage, count(*) n from stage_change s join product p on p.id = s.product_id"
				+ " where s.changed_at <= :at and " + CUSTOMER + " group by s.from_stage, s.to_stage")
			.param("at", Timestamp.from(at))
			.param("customer", blankToNull(customer))
			.query((row, i) -> {
				long n = row.getLong("n");
				counts.merge(Stage.valueOf(row.getString("to_stage")), n, Long::sum);
				String from = row.getString("from_stage");
				if (from != null) {
					counts.merge(Stage.valueOf(from), -n, Long::sum);
				}
				return n;
			})
			.list();
		return counts;
	}

	/** The changes after {@code from} and at or before {@code to}, oldest first. */
	public List<Change> changesBetween(Instant from, Instant to, String customer) {
		return jdbc
			.sql("select p.part_number, s.from_stage, s.to_stage, s.changed_at from stage_change s"
					+ " join product p on p.id = s.product_id where s.changed_at > :from and s.changed_at <= :to and "
					+ CUSTOMER + " order by s.changed_at, s.id")
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.param("customer", blankToNull(customer))
			.query((row, i) -> new Change(row.getString("part_number"),
					row.getString("from_stage") == null ? null : Stage.valueOf(row.getString("from_stage")),
					Stage.valueOf(row.getString("to_stage")), row.getTimestamp("changed_at").toInstant()))
			.list();
	}

	/**
	 * The stays in a stage that ended after {@code from} and at or before {@code to}:
	 * each change paired with the product's next one (a window function in the database).
	 * A change to the stage a product is already in is not recorded, so a stay runs from
	 * entering a stage to entering another.
	 */
	public List<Stay> staysEndedBetween(Instant from, Instant to, String customer) {
		return jdbc.sql("select part_number, to_stage, changed_at, left_at from (select p.part_number, s.to_stage,"
				+ " s.changed_at, lead(s.changed_at) over (partition by s.product_id order by s.changed_at, s.id) left_at"
				+ " from stage_change s join product p on p.id = s.product_id where " + CUSTOMER
				+ ") stays where left_at > :from and left_at <= :to order by left_at, part_number")
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.param("customer", blankToNull(customer))
			.query((row, i) -> new Stay(row.getString("part_number"), Stage.valueOf(row.getString("to_stage")),
					row.getTimestamp("changed_at").toInstant(), row.getTimestamp("left_at").toInstant()))
			.list();
	}

	/**
	 * The part numbers of the products that were in {@code stage} at {@code at}, in part
	 * number order.
	 */
	public List<String> inStageAt(Stage stage, Instant at, String customer) {
		return jdbc.sql("select p.part_number from stage_change s join product p on p.id = s.product_id"
				+ " where s.changed_at <= :at and s.to_stage = :stage and " + CUSTOMER
				+ " and not exists (select 1 from stage_change t where t.product_id = s.product_id"
				+ " and t.changed_at <= :at and (t.changed_at > s.changed_at or (t.changed_at = s.changed_at and t.id > s.id)))"
				+ " order by p.part_number")
			.param("at", Timestamp.from(at))
			.param("stage", stage.name())
			.param("customer", blankToNull(customer))
			.query(String.class)
			.list();
	}

	private static final String CUSTOMER = "(cast(:customer as varchar(200)) is null or p.customer = :customer)";

	private static Map<Stage, Long> zeros() {
		Map<Stage, Long> counts = new EnumMap<>(Stage.class);
		for (Stage stage : Stage.values()) {
			counts.put(stage, 0L);
		}
		return counts;
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

}
