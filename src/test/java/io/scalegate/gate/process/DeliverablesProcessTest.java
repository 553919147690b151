package io.scalegate.gate.process;

import static io.scalegate.gate.ProductLifecycle.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scalegate.ScaleGateTest;
import io.scalegate.base.InvalidInput;
import io.scalegate.gate.Deliverables;
import io.scalegate.gate.DeliverablesStatus;
import io.scalegate.gate.GateReason;
import io.scalegate.gate.GateWords;
import io.scalegate.gate.Readiness;
import io.scalegate.gate.ReadinessCheck;
import io.scalegate.gate.TestDocumentsOnFile;
import io.scalegate.product.Product;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The deliverables checklist as deployed: what each gate requires, and a required
 * document missing at Gate 2 holds the Go, in the process and in the live readiness,
 * naming the kinds.
 */
@ScaleGateTest
class DeliverablesProcessTest {

	@Autowired
	Deliverables deliverables;

	@Autowired
	TestDocumentsOnFile documents;

	@Autowired
	Lifecycles lifecycles;

	@Autowired
	RuntimeService runtime;

	@Autowired
	HistoryService history;

	@Autowired
	ReadinessCheck readiness;

	@Autowired
	RepositoryService repository;

	@Test
	void theChecklistIsDeployedWithTheOtherModelsAndRequiresTheShippedDefaults() {
		DecisionDefinition deployed = repository.createDecisionDefinitionQuery()
			.decisionDefinitionKey(GATE_DELIVERABLES)
			.latestVersion()
			.singleResult();
		assertThat(deployed.getResourceName()).isEqualTo("bpmn/gate-deliverables.dmn");
		assertThat(repository.getDeploymentResourceNames(deployed.getDeploymentId()))
			.contains("bpmn/mass-production-gate.dmn", "bpmn/product-lifecycle.bpmn");
		assertThat(deliverables.required(PROTOTYPE_REVIEW)).containsExactly("DRAWING");
		assertThat(deliverables.required(GATE_REVIEW)).containsExactly("FIRST_ARTICLE_INSPECTION",
				"MATERIAL_CERTIFICATE", "CONTROL_PLAN", "PPAP_SUBMISSION_WARRANT");
		assertThatThrownBy(() -> deliverables.required("designFreezeSignOff")).isInstanceOf(InvalidInput.class)
			.satisfies(e -> assertThat(((InvalidInput) e).field()).isEqualTo("gate"))
			.hasMessageContaining("prototypeReview, gateReview");
	}

	@Test
	void comparesTheRequiredKindsWithTheKindsOnFile() {
		Product product = lifecycles.aProduct(false);
		documents.file(product.partNumber(), "DRAWING", "CONTROL_PLAN", "PFMEA");

		DeliverablesStatus gate2 = deliverables.status(product.partNumber(), GATE_REVIEW);
		assertThat(gate2.gate()).isEqualTo(GATE_REVIEW);
		assertThat(gate2.onFile()).containsExactlyInAnyOrder("DRAWING", "CONTROL_PLAN", "PFMEA");
		assertThat(gate2.missing()).containsExactly("FIRST_ARTICLE_INSPECTION", "MATERIAL_CERTIFICATE",
				"PPAP_SUBMISSION_WARRANT");
		assertThat(gate2.missingDeliverables())
			.isEqualTo("FIRST_ARTICLE_INSPECTION,MATERIAL_CERTIFICATE,PPAP_SUBMISSION_WARRANT");
		assertThat(gate2.complete()).isFalse();
		assertThat(deliverables.status(product.partNumber(), PROTOTYPE_REVIEW).complete()).isTrue();
		assertThat(deliverables.recorded(product.partNumber(), GATE_REVIEW)).isEqualTo(gate2);
	}

	@Test
	void aMissingDeliverableHoldsTheGoAndNamesTheKinds() {
		Product product = lifecycles.aProductReadyForGate2(false);
		documents.file(product.partNumber(), "FIRST_ARTICLE_INSPECTION", "MATERIAL_CERTIFICATE");
		ProcessInstance instance = lifecycles.instance(product);
		lifecycles.passGate1(product);
		long checklists = history.createHistoricDecisionInstanceQuery()
			.decisionDefinitionKey(GATE_DELIVERABLES)
			.count();
		lifecycles.signAllReadiness(product);

		assertThat(runtime.getVariable(instance.getId(), MISSING_DELIVERABLES.name()))
			.isEqualTo("CONTROL_PLAN,PPAP_SUBMISSION_WARRANT");
		assertThat(runtime.getVariable(instance.getId(), GATE_RECOMMENDATION.name())).isEqualTo("STAY_SMALL_BATCH");
		assertThat(runtime.getVariable(instance.getId(), GATE_REASONS)).isEqualTo(List.of("MISSING_DELIVERABLES"));
		// the process's evaluation of the checklist is in the decision history
		assertThat(history.createHistoricDecisionInstanceQuery().decisionDefinitionKey(GATE_DELIVERABLES).count())
			.isGreaterThan(checklists);

		Readiness live = readiness.current(product.partNumber());
		assertThat(live.recommendation()).isEqualTo("STAY_SMALL_BATCH");
		assertThat(live.reasons()).containsExactly(GateReason.MISSING_DELIVERABLES);
		assertThat(GateWords.reason(GateReason.MISSING_DELIVERABLES, live.inputs()))
			.isEqualTo("Required deliverables are not on file: Control plan, Part submission warrant (PPAP).");

		documents.file(product.partNumber(), "FIRST_ARTICLE_INSPECTION", "MATERIAL_CERTIFICATE", "CONTROL_PLAN",
				"PPAP_SUBMISSION_WARRANT");
		Readiness filed = readiness.current(product.partNumber());
		assertThat(filed.recommendation()).isEqualTo("GO_MASS_PRODUCTION");
		assertThat(filed.inputs().get(MISSING_DELIVERABLES)).isEmpty();
	}

	@Test
	void everyDeliverableOnFileKeepsTheGo() {
		Product product = lifecycles.aProductReadyForGate2(true);
		documents.file(product.partNumber(), "FIRST_ARTICLE_INSPECTION", "MATERIAL_CERTIFICATE", "CONTROL_PLAN",
				"PPAP_SUBMISSION_WARRANT");
		ProcessInstance instance = lifecycles.instance(product);
		lifecycles.passGate1(product);
		lifecycles.signAllReadiness(product);

		assertThat(runtime.getVariable(instance.getId(), MISSING_DELIVERABLES.name())).isEqualTo("");
		assertThat(runtime.getVariable(instance.getId(), GATE_RECOMMENDATION.name()))
			.isEqualTo("ONE_STOP_SCALE_PLANNING");
	}

	@Autowired
	io.scalegate.document.Documents filed;

	@Test
	void aDocumentFiledWhileOnHoldJudgesTheGateAgain() {
		Product product = lifecycles.aProductReadyForGate2(false);
		documents.file(product.partNumber(), "FIRST_ARTICLE_INSPECTION", "MATERIAL_CERTIFICATE", "CONTROL_PLAN");
		ProcessInstance instance = lifecycles.instance(product);
		lifecycles.passGate1(product);
		lifecycles.signAllReadiness(product);
		assertThat(runtime.getVariable(instance.getId(), GATE_RECOMMENDATION.name())).isEqualTo("STAY_SMALL_BATCH");
		lifecycles.decideGate(product, "STAY_SMALL_BATCH", null);
		assertThat(lifecycles.tasks().createTaskQuery().processInstanceId(instance.getId()).count()).isZero();

		documents.file(product.partNumber(), "FIRST_ARTICLE_INSPECTION", "MATERIAL_CERTIFICATE", "CONTROL_PLAN",
				"PPAP_SUBMISSION_WARRANT");
		filed.attach(product.partNumber(), io.scalegate.document.DocumentKind.PPAP_SUBMISSION_WARRANT, "psw.pdf", pdf(),
				io.scalegate.document.DocumentLinks.none(), "quality");

		// the hold ended on the "new evidence" message: the rules judged again, Go now
		assertThat(lifecycles.task(product, GATE_REVIEW)).isNotNull();
		assertThat(runtime.getVariable(instance.getId(), MISSING_DELIVERABLES.name())).isEqualTo("");
		assertThat(runtime.getVariable(instance.getId(), GATE_RECOMMENDATION.name())).isEqualTo("GO_MASS_PRODUCTION");
	}

	private static byte[] pdf() {
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		com.lowagie.text.Document document = new com.lowagie.text.Document();
		com.lowagie.text.pdf.PdfWriter.getInstance(document, out);
		document.open();
		document.add(new com.lowagie.text.Paragraph("Part submission warrant"));
		document.close();
		return out.toByteArray();
	}

}
