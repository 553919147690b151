package io.scalegate.history;

import static io.scalegate.gate.ProductLifecycle.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import io.scalegate.ScaleGateTest;
import io.scalegate.evidence.CostEstimateEntry;
import io.scalegate.evidence.EvidenceRecorder;
import io.scalegate.evidence.FeedbackRating;
import io.scalegate.gate.process.Lifecycles;
import io.scalegate.history.GateHistory.ProductHistory;
import io.scalegate.product.Product;
import io.scalegate.product.Stage;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A product taken through Recycle and Hold: its history shows every round, with rules,
 * signatures and override.
 */
@ScaleGateTest
class GateHistoryProcessTest {

	@Autowired
	Lifecycles lifecycles;

	@Autowired
	GateHistory history;

	@Autowired
	GateRecordPdf pdf;

	@Autowired
	EvidenceRecorder recorder;

	private void signReadiness(Product product) {
		lifecycles.sign(product, DESIGN_FREEZE_SIGN_OFF, "engineer", Map.of(DESIGN_FROZEN.name(), true));
		lifecycles.sign(product, INSPECTION_STANDARD_APPROVAL, "quality", Map.of(INSPECTION_STANDARD_APPROVED.name(),
				true, MATERIAL_CONFIRMED.name(), true, SURFACE_FINISH_CONFIRMED.name(), true));
		lifecycles.sign(product, SUPPLIER_QUALIFICATION, "supplier", Map.of(SUPPLIER_APPROVED.name(), true));
	}

	private void decide(Product product, String decision, String reason) {
		Map<String, Object> values = new HashMap<>();
		values.put(GATE_DECISION.name(), decision);
		if (reason != null) {
			values.put(OVERRIDE_REASON.name(), reason);
		}
		lifecycles.sign(product, GATE_REVIEW, "gatekeeper", values);
	}

	@Test
	void showsEveryRoundOfBothGatesWithRulesSignaturesAndTheOverride() throws Exception {
		Product product = lifecycles.aProductReadyForGate2(false);
		for (int i = 0; i < 3; i++) {
			lifecycles.feedback(product, FeedbackRating.NEGATIVE);
		}
		lifecycles.sign(product, PROTOTYPE_REVIEW, "engineer", Map.of(PROTOTYPE_DECISION.name(), "GO"));
		signReadiness(product);
		decide(product, "RECYCLE_TO_PROTOTYPE", null);
		for (int i = 0; i < 10; i++) {
			lifecycles.feedback(product, FeedbackRating.POSITIVE);
		}
		lifecycles.sign(product, PROTOTYPE_REVIEW, "engineer", Map.of(PROTOTYPE_DECISION.name(), "GO"));
		signReadiness(product);
		decide(product, "STAY_SMALL_BATCH", "wait for the second customer's volume commitment");
		recorder.record(product.partNumber(), new CostEstimateEntry(LocalDate.now(), "EUR", new BigDecimal("12"),
				new BigDecimal("5"), new BigDecimal("40000"), 20000), "engineer");
		decide(product, "GO_MASS_PRODUCTION", null);

		ProductHistory record = history.of(product.partNumber());

		assertThat(record.stages()).extracting(change -> change.toStage())
			.containsExactly(Stage.PROTOTYPE, Stage.SMALL_BATCH, Stage.PROTOTYPE, Stage.SMALL_BATCH,
					Stage.MASS_PRODUCTION);
		assertThat(record.gates()).extracting(g -> g.gate() + " " + g.round() + " " + g.decision())
			.containsExactly("Gate 1 1 GO", "Gate 2 1 RECYCLE_TO_PROTOTYPE", "Gate 1 2 GO", "Gate 2 2 STAY_SMALL_BATCH",
					"Gate 2 3 GO_MASS_PRODUCTION");
		GateRecord recycle = record.gates().get(1);
		assertThat(recycle.recommendation()).isEqualTo("RECYCLE_TO_PROTOTYPE");
		assertThat(recycle.reasons()).contains("FEEDBACK_NEGATIVE");
		assertThat(recycle.readinessSignatures()).extracting(s -> s.username())
			.containsExactlyInAnyOrder("engineer", "quality", "supplier");
		assertThat(recycle.decisions()).extracting(GateRecord.DecisionTrace::key)
			.contains(MASS_PRODUCTION_GATE, DEMAND_STABILITY, TOOLING_ECONOMICS, SUPPLIER_READINESS, GATE_REASONS);
		assertThat(recycle.decisions()).allSatisfy(trace -> assertThat(trace.version()).isPositive());
		assertThat(recycle.decisions()
			.stream()
			.filter(t -> t.key().equals(MASS_PRODUCTION_GATE))
			.findFirst()
			.orElseThrow()
			.matchedRules()).isNotEmpty();
		assertThat(recycle.inputs()).isNotEmpty();
		GateRecord hold = record.gates().get(3);
		assertThat(hold.overridden()).isTrue();
		assertThat(hold.recommendation()).isEqualTo("GO_MASS_PRODUCTION");
		assertThat(hold.overrideReason()).isEqualTo("wait for the second customer's volume commitment");
		assertThat(hold.signature().printedName()).isNotBlank();
		GateRecord go = record.gates().get(4);
		assertThat(go.overridden()).isFalse();
		assertThat(go.readinessSignatures()).as("no new sign-offs after the hold").isEmpty();

		byte[] document = pdf.of(product.partNumber(), "Ada Auditor (auditor)");
		PdfReader reader = new PdfReader(document);
		StringBuilder text = new StringBuilder();
		PdfTextExtractor extractor = new PdfTextExtractor(reader);
		for (int page = 1; page <= reader.getNumberOfPages(); page++) {
			text.append(extractor.getTextFromPage(page)).append('\n');
		}
		String all = text.toString();
		assertThat(all).contains("Gate record: " + product.partNumber(), "APPROVED", "UTC",
				hold.signature().printedName(), "OVERRIDES the recommendation", "wait for the second customer",
				"verified intact", hold.signature().valuesHash().substring(0, 16));
	}

}
