package io.scalegate.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.scalegate.ScaleGateTest;
import io.scalegate.product.Stage;
import io.scalegate.product.StageFlow;
import io.scalegate.task.GateRounds;
import io.scalegate.task.GateRounds.GateRound;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The portfolio's queries on the database itself (H2 here, PostgreSQL in the second run):
 * stage counts now and at an instant, the changes and finished stays of a period (a
 * window function), the products in a stage at an instant, and the gate decisions with
 * their rounds. Rows written directly with times in 2020, for one customer of its own.
 */
@ScaleGateTest
class PortfolioQueriesPersistenceTest {

	static final Instant T0 = Instant.parse("2020-03-02T00:00:00Z");

	@Autowired
	StageFlow flow;

	@Autowired
	GateRounds gates;

	@Autowired
	JdbcClient jdbc;

	@Test
	void stageFiguresAndGateRoundsAreCountedInTheDatabase() {
		String customer = "Query Co " + UUID.randomUUID().toString().substring(0, 6);
		String a = "QA-" + suffix();
		String b = "QB-" + suffix();
		long idA = product(a, customer, Stage.SMALL_BATCH);
		long idB = product(b, customer, Stage.CANCELLED);
		change(idA, null, Stage.PROTOTYPE, 0);
		change(idA, Stage.PROTOTYPE, Stage.SMALL_BATCH, 4);
		change(idB, null, Stage.PROTOTYPE, 0);
		change(idB, Stage.PROTOTYPE, Stage.CANCELLED, 6);

		assertThat(flow.countsNow(customer)).containsEntry(Stage.SMALL_BATCH, 1L)
			.containsEntry(Stage.CANCELLED, 1L)
			.containsEntry(Stage.PROTOTYPE, 0L);
		assertThat(flow.countsAt(day(5), customer)).containsEntry(Stage.PROTOTYPE, 1L)
			.containsEntry(Stage.SMALL_BATCH, 1L)
			.containsEntry(Stage.CANCELLED, 0L);
		assertThat(flow.changesBetween(day(0), day(10), customer)).extracting(StageFlow.Change::to)
			.containsExactly(Stage.SMALL_BATCH, Stage.CANCELLED);
		assertThat(flow.staysEndedBetween(day(-1), day(10), customer))
			.extracting(s -> s.partNumber() + " " + s.stage() + " " + Duration.between(s.entered(), s.left()).toDays())
			.containsExactly(a + " PROTOTYPE 4", b + " PROTOTYPE 6");
		assertThat(flow.staysEndedBetween(day(5), day(10), customer)).extracting(StageFlow.Stay::partNumber)
			.containsExactly(b);
		assertThat(flow.inStageAt(Stage.PROTOTYPE, day(5), customer)).containsExactly(b);
		assertThat(flow.inStageAt(Stage.PROTOTYPE, day(4), customer)).containsExactly(b);

		signature(a, "prototypeReview", "{\"prototypeDecision\":\"RECYCLE\"}", 2);
		signature(a, "prototypeReview", "{\"prototypeDecision\":\"GO\"}", 4);
		signature(b, "prototypeReview", "{\"prototypeDecision\":\"KILL\"}", 6);
		signature(b, "designFreezeSignOff", "{\"designFrozen\":true}", 5);

		// the period after day 3: A's second round and B's first; A's first counts the
		// round
		assertThat(gates.decidedBetween(day(3), day(10)))
			.filteredOn(r -> r.partNumber().equals(a) || r.partNumber().equals(b))
			.extracting(r -> r.partNumber() + " " + r.taskKey() + " " + r.round() + " " + r.decision())
			.containsExactly(a + " prototypeReview 2 GO", b + " prototypeReview 1 KILL");
		assertThat(gates.decidedBetween(day(3), day(10))).filteredOn(r -> r.partNumber().equals(a))
			.extracting(GateRound::opened)
			.containsOnlyNulls();
	}

	long product(String partNumber, String customer, Stage stage) {
		jdbc.sql("insert into product (part_number, name, customer, revision, stage, owner, registered_at)"
				+ " values (:pn, 'Query part', :customer, 'A', :stage, 'engineer', :at)")
			.param("pn", partNumber)
			.param("customer", customer)
			.param("stage", stage.name())
			.param("at", Timestamp.from(T0))
			.update();
		return jdbc.sql("select id from product where part_number = :pn")
			.param("pn", partNumber)
			.query(Long.class)
			.single();
	}

	void change(long productId, Stage from, Stage to, int days) {
		jdbc.sql(
				"insert into stage_change (product_id, from_stage, to_stage, changed_at) values (:id, :from, :to, :at)")
			.param("id", productId)
			.param("from", from == null ? null : from.name())
			.param("to", to.name())
			.param("at", Timestamp.from(day(days)))
			.update();
	}

	void signature(String partNumber, String taskKey, String values, int days) {
		jdbc.sql("insert into signature (task_id, task_key, task_name, process_instance_id, part_number, username,"
				+ " printed_name, meaning, signed_at, values_hash, signed_values)"
				+ " values (:task, :key, 'Gate', 'none', :pn, 'engineer', 'Eve Engineer', 'REVIEWED', :at, 'x', :values)")
			.param("task", "q-" + UUID.randomUUID())
			.param("key", taskKey)
			.param("pn", partNumber)
			.param("at", Timestamp.from(day(days)))
			.param("values", values)
			.update();
	}

	static Instant day(int days) {
		return T0.plus(Duration.ofDays(days));
	}

	static String suffix() {
		return UUID.randomUUID().toString().substring(0, 6).toUpperCase();
	}

}
