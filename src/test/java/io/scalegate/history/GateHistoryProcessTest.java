package io.scalegate.history;

import static io.scalegate.gate.ProductLifecycle.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import io.scalegate.ScaleGateTest;
import io.scalegate.audit.AuditEntry;
import io.scalegate.audit.AuditQuery;
import io.scalegate.audit.AuditSearch;
import io.scalegate.base.AuditAction;
import io.scalegate.base.AuditSubject;
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
import java.util.List;
import java.util.Map;
import java.util.Set;
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

	@Autowired
	AuditSearch audit;

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
		// a matched rule is named with its row in the table, not its place among the
		// matches
		assertThat(recycle.decisions()).flatExtracting(GateRecord.DecisionTrace::matchedRules)
			.allSatisfy(rule -> assertThat(rule).matches("Rule_(\\w+)_(\\d+) \\(rule \\2\\)"));
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
		assertThat(all).contains("Gate record: " + product.partNumber(), "Approved", "UTC",
				hold.signature().printedName(), "OVERRIDES the recommendation", "wait for the second customer",
				"verified intact", hold.signature().valuesHash().substring(0, 16));
	}

	@Test
	void theSignedGateRecordReadsInLabelsEachDecisionOnceAndEachHashOnOneLine() throws Exception {
		Product product = lifecycles.aProductReadyForGate2(false);
		lifecycles.passGate1(product);
		signReadiness(product);
		decide(product, "GO_MASS_PRODUCTION", null);
		GateRecord gate2 = history.of(product.partNumber()).gates().get(1);

		List<String> lines = pdfLines(product);

		assertThat(lines).contains("Recommendation: Go: mass production (every condition met)",
				"Decision: Go: mass production", "Evaluated by the system on behalf of supplier.");
		String all = String.join("\n", lines);
		assertThat(all).as("labels and words, not codes or maps")
			.doesNotContain("GO_MASS_PRODUCTION", "gateRecommendation", "{", "}", "=", "null", "APPROVED")
			.containsPattern("Coefficient of variation of monthly quantity ?0\\.07\\n")
			.containsPattern("On-time delivery rate ?100\\.0 %")
			.containsPattern("Design frozen ?yes")
			.containsPattern("Customer feedback ?positive");
		for (String decision : new String[] { "Demand stability v", "Tooling economics v", "Supplier readiness v",
				"Mass production gate v", "Gate reasons v" }) {
			assertThat(lines).as(decision + " printed once for the one evaluated gate")
				.filteredOn(line -> line.startsWith(decision))
				.hasSize(1);
		}
		List<io.scalegate.task.Signature> signatures = new java.util.ArrayList<>(gate2.readinessSignatures());
		signatures.add(gate2.signature());
		assertThat(signatures).hasSize(4);
		for (io.scalegate.task.Signature signature : signatures) {
			assertThat(lines).as("the SHA-256 of " + signature.taskName() + " on one line")
				.anyMatch(line -> line.contains(signature.valuesHash()));
		}
	}

	@Autowired
	io.scalegate.gate.TestDocumentsOnFile documents;

	@Test
	void theSignedGateRecordStatesTheDeliverablesChecklistAtTheDecision() throws Exception {
		Product product = lifecycles.aProductReadyForGate2(false);
		documents.file(product.partNumber(), "FIRST_ARTICLE_INSPECTION", "MATERIAL_CERTIFICATE", "CONTROL_PLAN");
		lifecycles.passGate1(product);
		signReadiness(product);
		decide(product, "STAY_SMALL_BATCH", null);
		// filed after the decision: the record keeps what the decision was given
		documents.file(product.partNumber(), "FIRST_ARTICLE_INSPECTION", "MATERIAL_CERTIFICATE", "CONTROL_PLAN",
				"PPAP_SUBMISSION_WARRANT");

		List<GateRecord> gates = history.of(product.partNumber()).gates();
		assertThat(gates.get(0).deliverables()).as("Gate 1 is decided by a person, no rules were given a checklist")
			.isNull();
		GateRecord gate2 = gates.get(1);
		assertThat(gate2.deliverables().required()).containsExactly("FIRST_ARTICLE_INSPECTION", "MATERIAL_CERTIFICATE",
				"CONTROL_PLAN", "PPAP_SUBMISSION_WARRANT");
		assertThat(gate2.deliverables().missing()).containsExactly("PPAP_SUBMISSION_WARRANT");
		assertThat(gate2.reasons()).containsExactly("MISSING_DELIVERABLES");

		String text = String.join(" ", pdfLines(product));
		assertThat(text)
			.contains("Deliverables checklist at the decision: required First article inspection, "
					+ "Material certificate, Control plan, Part submission warrant (PPAP); missing Part submission "
					+ "warrant (PPAP).")
			.contains("Unmet: Required deliverables are not on file: Part submission warrant (PPAP).")
			.containsPattern("Missing deliverables ?Part submission warrant \\(PPAP\\)");
	}

	@Test
	void aGoWithConditionsShowsEachConditionWithItsOwnerDueDateStateAndClosing() throws Exception {
		Product product = lifecycles.aProductReadyForGate2(false);
		lifecycles.passGate1(product);
		signReadiness(product);
		lifecycles.decideGoWithConditions(product, null, List.of(lifecycles.condition("PPAP approved", "quality", 10),
				lifecycles.condition("Resin qualified", "supplier", 20)));
		org.camunda.bpm.engine.task.Task first = taskOf(product, "quality");
		lifecycles.completeTask(first.getId(), "quality", Map.of(CLOSING_NOTE.name(), "Signed off by the customer."));

		GateRecord gate2 = history.of(product.partNumber()).gates().get(1);
		assertThat(gate2.decision()).isEqualTo("GO_WITH_CONDITIONS");
		assertThat(gate2.overridden()).as("a Go with conditions accepts a Go").isFalse();
		assertThat(gate2.conditions()).hasSize(2);
		GateRecord.Condition closed = gate2.conditions().get(0);
		assertThat(closed.line())
			.startsWith("PPAP approved — owner quality, due " + LocalDate.now().plusDays(10)
					+ ", closed; closed by quality on ")
			.endsWith(": Signed off by the customer.");
		assertThat(gate2.conditions().get(1).line())
			.isEqualTo("Resin qualified — owner supplier, due " + LocalDate.now().plusDays(20) + ", open");

		String all = String.join("\n", pdfLines(product));
		assertThat(all).contains("Decision: Go with conditions", "Conditions of the Go with conditions:",
				"1. PPAP approved — owner quality", ", closed; closed by quality on ", "Signed off by the",
				"2. Resin qualified — owner supplier, due " + LocalDate.now().plusDays(20) + ", open");
	}

	private org.camunda.bpm.engine.task.Task taskOf(Product product, String owner) {
		return lifecycles.tasks()
			.createTaskQuery()
			.processInstanceBusinessKey(product.partNumber())
			.taskDefinitionKey(CLOSE_GATE_CONDITION)
			.taskAssignee(owner)
			.singleResult();
	}

	@Test
	void theGateEvaluationIsTheSystemsOnBehalfOfTheSignerWhoseStepReachedTheGate() {
		Product product = lifecycles.aProductReadyForGate2(false);
		lifecycles.passGate1(product);
		signReadiness(product);

		List<AuditEntry> evaluated = audit.page(new AuditQuery(null, Set.of(AuditAction.GATE_EVALUATED),
				AuditSubject.PRODUCT, product.partNumber(), null, null, null), 0, 10);
		assertThat(evaluated).isNotEmpty();
		AuditEntry last = evaluated.get(0);
		assertThat(last.actor()).as("the system evaluates, not the last signer").isEqualTo("system");
		assertThat(last.onBehalfOf()).isEqualTo("supplier");
		assertThat(last.actorInWords()).isEqualTo("system on behalf of supplier");
		assertThat(last.details()).contains("\"onBehalfOf\":\"supplier\"");
		assertThat(history.of(product.partNumber()).gates().get(1).evaluatedBy())
			.isEqualTo("the system on behalf of supplier");
		// searching the trail by the person finds what the system did on their behalf
		assertThat(audit.page(new AuditQuery("supplier", Set.of(AuditAction.GATE_EVALUATED), AuditSubject.PRODUCT,
				product.partNumber(), null, null, null), 0, 10))
			.extracting(AuditEntry::id)
			.contains(last.id());
		assertThat(audit.page(new AuditQuery("supplie", Set.of(AuditAction.GATE_EVALUATED), AuditSubject.PRODUCT,
				product.partNumber(), null, null, null), 0, 10))
			.as("a person, not a prefix")
			.isEmpty();
	}

	private List<String> pdfLines(Product product) throws java.io.IOException {
		PdfReader reader = new PdfReader(pdf.of(product.partNumber(), "Ada Auditor (auditor)"));
		PdfTextExtractor extractor = new PdfTextExtractor(reader);
		List<String> lines = new java.util.ArrayList<>();
		for (int page = 1; page <= reader.getNumberOfPages(); page++) {
			for (String line : extractor.getTextFromPage(page).split("\\R")) {
				lines.add(line.strip());
			}
		}
		return lines;
	}

}
