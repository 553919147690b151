package io.scalegate.gate.process;

import static io.scalegate.gate.ProductLifecycle.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import io.scalegate.ScaleGateTest;
import io.scalegate.base.InvalidInput;
import io.scalegate.evidence.CostEstimateEntry;
import io.scalegate.evidence.EvidenceKind;
import io.scalegate.evidence.EvidenceRecorder;
import io.scalegate.evidence.EvidenceRecorder.ImportRow;
import io.scalegate.evidence.EvidenceRows;
import io.scalegate.evidence.EvidenceService;
import io.scalegate.evidence.FeedbackRating;
import io.scalegate.evidence.OrderEntry;
import io.scalegate.evidence.Result;
import io.scalegate.evidence.SmallBatch;
import io.scalegate.evidence.SmallBatchEntry;
import io.scalegate.gate.GateReason;
import io.scalegate.gate.Readiness;
import io.scalegate.gate.ReadinessCheck;
import io.scalegate.gate.ReadinessSignal;
import io.scalegate.product.Product;
import io.scalegate.product.ProductService;
import io.scalegate.product.Stage;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Recording evidence through the service: checks, all-or-nothing imports, the hold
 * message, live readiness.
 */
@ScaleGateTest
class EvidenceRecordingProcessTest {

	@Autowired
	ProcessEngine engine;

	@Autowired
	Lifecycles lifecycles;

	@Autowired
	EvidenceRecorder recorder;

	@Autowired
	EvidenceService evidence;

	@Autowired
	ReadinessCheck readiness;

	@Autowired
	ProductService products;

	@Autowired
	EvidenceRows recorded;

	@Autowired
	HistoryService history;

	@BeforeEach
	void bindAssertionsToEngine() {
		init(engine);
	}

	@Test
	void newEvidenceOnAHeldProductRunsTheReadinessCheckAgain() {
		Product product = lifecycles.aProduct(false);
		lifecycles.stableDemand(product, 12);
		lifecycles.qualifiedSupplier(product);
		lifecycles.feedback(product, FeedbackRating.POSITIVE);
		ProcessInstance instance = lifecycles.instance(product);
		lifecycles.passGate1(product);
		lifecycles.signAllReadiness(product);
		lifecycles.decideGate(product, "STAY_SMALL_BATCH", null);
		assertThat(instance).isWaitingAt(HOLD_GATEWAY);
		assertThat(products.get(product.partNumber()).blockers()).containsExactly("TOOLING_NOT_JUSTIFIED");

		recorder.record(product.partNumber(), toolingThatPaysBack(), "engineer");

		assertThat(instance).isWaitingAt(GATE_REVIEW);
		Product now = products.get(product.partNumber());
		assertThat(now.gateRecommendation()).isEqualTo("GO_MASS_PRODUCTION");
		assertThat(now.blockers()).isEmpty();
	}

	@Test
	void namesEveryWrongFieldAndKeepsNothing() {
		Product product = lifecycles.aProduct(false);
		SmallBatchEntry wrong = new SmallBatchEntry(" ", 0, Result.PASS, null, Result.PASS, null,
				LocalDate.now().plusDays(3));

		assertThatThrownBy(() -> recorder.record(product.partNumber(), wrong, "quality"))
			.isInstanceOf(InvalidInput.class)
			.satisfies(e -> assertThat(((InvalidInput) e).problems()).extracting(InvalidInput.FieldProblem::field)
				.containsExactly("batchNumber", "quantity", "finishResult", "promisedOn", "deliveredOn"));
		assertThat(batches(product)).isEmpty();
	}

	@Test
	void refusesASecondBatchWithTheSameNumber() {
		Product product = lifecycles.aProduct(false);
		recorder.record(product.partNumber(), batch("B-1"), "quality");

		assertThatThrownBy(() -> recorder.record(product.partNumber(), batch(" B-1 "), "quality"))
			.isInstanceOf(InvalidInput.class)
			.hasMessage("batchNumber: B-1 is already recorded for " + product.partNumber());
	}

	@Test
	void anImportWithOneBadRowKeepsNoRowAndNamesTheRow() {
		Product product = lifecycles.aProduct(false);
		List<ImportRow> rows = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			rows.add(new ImportRow(i + 2, product.partNumber(), batch("B-" + i)));
		}
		rows.add(new ImportRow(7, product.partNumber(), batch("B-1")));
		rows.add(new ImportRow(8, "NO-SUCH-PART", batch("B-9")));

		assertThatThrownBy(() -> recorder.recordAll(rows, "quality", written -> {
		})).isInstanceOf(InvalidInput.class)
			.hasMessage(
					"row 7: batchNumber: B-1 appears already on row 3; row 8: partNumber: no product with part number NO-SUCH-PART");
		assertThat(batches(product)).isEmpty();

		List<Integer> progress = new ArrayList<>();
		assertThat(recorder.recordAll(rows.subList(0, 5), "quality", progress::add)).isEqualTo(5);
		assertThat(progress).containsExactly(1, 2, 3, 4, 5);
		assertThat(batches(product)).hasSize(5);
	}

	@Test
	void anEditKeepsTheFirstRecorderAndBarsTheEditorFromTheGate() {
		Product product = lifecycles.aProduct(false);
		SmallBatch first = recorder.record(product.partNumber(), batch("B-1"), "supplier");

		SmallBatch edited = recorder.edit(product.partNumber(), first.id(), new SmallBatchEntry("B-1", 300, Result.PASS,
				Result.FAIL, Result.PASS, first.promisedOn(), first.deliveredOn()), "finish re-inspected", "quality");

		assertThat(edited.recordedBy()).isEqualTo("supplier");
		assertThat(batches(product)).singleElement()
			.satisfies(batch -> assertThat(batch.finishResult()).isEqualTo(Result.FAIL));
		assertThat(evidence.recordersOf(product.partNumber())).containsExactlyInAnyOrder("supplier", "quality");
		assertThatThrownBy(() -> recorder.edit(product.partNumber(), first.id(), batch("B-1"), " ", "quality"))
			.isInstanceOf(InvalidInput.class)
			.hasMessage("reason: is required");
		assertThatThrownBy(() -> recorder.edit(product.partNumber(), 999_999, batch("B-1"), "typo", "quality"))
			.isInstanceOf(InvalidInput.class)
			.hasMessageContaining("id: no such small batches entry 999999");
	}

	@Test
	void readinessShowsTheEightSignalsAndAWhatIfWritesNothing() {
		Product product = lifecycles.aProductReadyForGate2(false);
		lifecycles.passGate1(product);
		Readiness before = readiness.current(product.partNumber());
		assertThat(before.recommendation()).isEqualTo("STAY_SMALL_BATCH");
		assertThat(before.signals()).hasSize(8);
		assertThat(before.signals().stream().filter(s -> !s.met()).map(s -> s.signal())).containsExactly(
				ReadinessSignal.DESIGN_FROZEN, ReadinessSignal.INSPECTION_CLEAR,
				ReadinessSignal.MATERIAL_AND_FINISH_CONFIRMED, ReadinessSignal.SUPPLIER_REPEATABLE);
		long decisionsBefore = history.createHistoricDecisionInstanceQuery().count();

		Readiness whatIf = readiness.evaluate(before.inputs()
			.with(DESIGN_FROZEN, true)
			.with(INSPECTION_STANDARD_APPROVED, true)
			.with(MATERIAL_CONFIRMED, true)
			.with(SURFACE_FINISH_CONFIRMED, true)
			.with(SUPPLIER_APPROVED, true));
		assertThat(whatIf.recommendation()).isEqualTo("GO_MASS_PRODUCTION");
		assertThat(whatIf.signals()).allMatch(Readiness.SignalStatus::met);

		Readiness volatileDemand = readiness.evaluate(whatIf.inputs().with(DEMAND_CV, 0.9));
		assertThat(volatileDemand.reasons()).containsExactly(GateReason.DEMAND_NOT_STABLE);
		assertThat(volatileDemand.demandStability()).isEqualTo("VOLATILE");
		assertThat(history.createHistoricDecisionInstanceQuery().count()).isEqualTo(decisionsBefore);
		assertThat(products.get(product.partNumber()).stage()).isEqualTo(Stage.SMALL_BATCH);
	}

	@Test
	void theStoredVerdictKeepsItsRulesVersionAndTheInputsItJudged() {
		Product product = lifecycles.aProductReadyForGate2(false);
		lifecycles.passGate1(product);
		lifecycles.signAllReadiness(product);

		Readiness refreshed = readiness.refresh(product.partNumber());

		Product stored = products.get(product.partNumber());
		assertThat(stored.gateRulesVersion()).isEqualTo(readiness.deployedRulesVersion())
			.isEqualTo(refreshed.rulesVersion());
		assertThat(readiness.storedInputs(stored)).contains(refreshed.inputs());
		assertThat(readiness.evaluate(readiness.storedInputs(stored).orElseThrow()).recommendation())
			.isEqualTo(stored.gateRecommendation());
	}

	@Test
	void readinessTakesTheVerdictsSignedInTheLifecycle() {
		Product product = lifecycles.aProductReadyForGate2(false);
		lifecycles.passGate1(product);
		lifecycles.signAllReadiness(product);

		Readiness readiness = this.readiness.current(product.partNumber());

		assertThat(readiness.recommendation()).isEqualTo("GO_MASS_PRODUCTION");
		assertThat(readiness.inputs().get(DESIGN_FROZEN)).isTrue();
		assertThat(readiness.rulesVersion()).isPositive();
		assertThat(EvidenceKind.SMALL_BATCH.recorders()).isNotEmpty();
	}

	@Test
	void anOrderMonthStandsForTheWholeMonth() {
		Product product = lifecycles.aProduct(false);
		LocalDate midMonth = LocalDate.now().withDayOfMonth(1).minusMonths(1).plusDays(14);

		recorder.record(product.partNumber(), new OrderEntry(midMonth, 40, "Test customer"), "quality");

		assertThat(evidence.gateEvidence(product.partNumber()).demandMonths()).isEqualTo(1);
		assertThatThrownBy(() -> recorder.record(product.partNumber(),
				new OrderEntry(LocalDate.now().plusMonths(1).withDayOfMonth(1), 1, "x"), "quality"))
			.hasMessage("orderMonth: must not be a future month");
	}

	private List<SmallBatch> batches(Product product) {
		return recorded.of(EvidenceKind.SMALL_BATCH, product.id());
	}

	private static SmallBatchEntry batch(String number) {
		LocalDate promised = LocalDate.now().minusDays(10);
		return new SmallBatchEntry(number, 200, Result.PASS, Result.PASS, Result.PASS, promised, promised);
	}

	/**
	 * 50,000 tooling, 7 saved per unit at 20,000 a year: pays back in about four months.
	 */
	private static CostEstimateEntry toolingThatPaysBack() {
		return new CostEstimateEntry(LocalDate.now().minusDays(1), "EUR", new BigDecimal("12.00"),
				new BigDecimal("5.00"), new BigDecimal("50000"), 20000);
	}

}
