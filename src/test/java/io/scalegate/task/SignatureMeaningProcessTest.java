package io.scalegate.task;

import static io.scalegate.gate.ProductLifecycle.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.scalegate.ScaleGateTest;
import io.scalegate.base.InvalidInput;
import io.scalegate.gate.process.Lifecycles;
import io.scalegate.history.GateHistory;
import io.scalegate.history.GateRecord;
import io.scalegate.product.Product;
import java.util.HashMap;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A signature means what it signs: where a task decides something, the meaning follows
 * from the decision, and a signature that contradicts its values is refused on the
 * server, whatever the caller sends.
 */
@ScaleGateTest
class SignatureMeaningProcessTest {

	@Autowired
	TaskCompletion completion;

	@Autowired
	Lifecycles lifecycles;

	@Autowired
	GateHistory history;

	@Autowired
	TaskService tasks;

	private Signature sign(Product product, String taskKey, String user, SignatureMeaning meaning,
			Map<String, Object> values) {
		return completion.complete(lifecycles.task(product, taskKey).getId(), user, "demo", meaning, values);
	}

	private void refusedAsContradiction(ThrowingCallable signing, String... words) {
		assertThatThrownBy(signing).isInstanceOf(InvalidInput.class)
			.satisfies(e -> assertThat(((InvalidInput) e).field()).isEqualTo("meaning"))
			.hasMessageContainingAll(words);
	}

	private static Map<String, Object> inspection(boolean standard, boolean material, boolean finish) {
		return Map.of(INSPECTION_STANDARD_APPROVED.name(), standard, MATERIAL_CONFIRMED.name(), material,
				SURFACE_FINISH_CONFIRMED.name(), finish);
	}

	@Test
	void theSupplierCannotSignApprovedWithoutApprovingTheSupplierAndTheHistoryShowsRejected() {
		Product product = lifecycles.aProductReadyForGate2(false);
		lifecycles.passGate1(product);
		sign(product, DESIGN_FREEZE_SIGN_OFF, "engineer", SignatureMeaning.APPROVED,
				Map.of(DESIGN_FROZEN.name(), true));
		sign(product, INSPECTION_STANDARD_APPROVAL, "quality", SignatureMeaning.APPROVED, inspection(true, true, true));
		Map<String, Object> notApproved = Map.of(SUPPLIER_APPROVED.name(), false, "supplierComment",
				"two late deliveries");
		String taskId = lifecycles.task(product, SUPPLIER_QUALIFICATION).getId();

		refusedAsContradiction(
				() -> sign(product, SUPPLIER_QUALIFICATION, "supplier", SignatureMeaning.APPROVED, notApproved),
				"Rejected", "the supplier is not approved for mass production");
		assertThat(tasks.createTaskQuery().taskId(taskId).count()).as("nothing completed").isOne();
		assertThat(completion.signaturesOf(product.partNumber()))
			.noneMatch(s -> s.taskKey().equals(SUPPLIER_QUALIFICATION));

		Signature rejected = sign(product, SUPPLIER_QUALIFICATION, "supplier", SignatureMeaning.REJECTED, notApproved);
		assertThat(rejected.meaning()).isEqualTo(SignatureMeaning.REJECTED);

		GateRecord gate2 = history.of(product.partNumber())
			.gates()
			.stream()
			.filter(gate -> gate.gate().equals("Gate 2"))
			.findFirst()
			.orElseThrow();
		assertThat(gate2.readinessSignatures()).extracting(Signature::taskKey, Signature::meaning)
			.containsExactlyInAnyOrder(tuple(DESIGN_FREEZE_SIGN_OFF, SignatureMeaning.APPROVED),
					tuple(INSPECTION_STANDARD_APPROVAL, SignatureMeaning.APPROVED),
					tuple(SUPPLIER_QUALIFICATION, SignatureMeaning.REJECTED));
		assertThat(gate2.readinessSignatures()).noneMatch(SignatureMeaningProcessTest::approvesAnUntickedBox);
	}

	@Test
	void theDesignFreezeAndTheInspectionAreRejectedWhenABoxIsUnticked() {
		Product product = lifecycles.aProduct(false);
		lifecycles.passGate1(product);

		refusedAsContradiction(() -> sign(product, DESIGN_FREEZE_SIGN_OFF, "engineer", SignatureMeaning.APPROVED,
				Map.of(DESIGN_FROZEN.name(), false)), "Rejected", "the design is not frozen");
		refusedAsContradiction(() -> sign(product, DESIGN_FREEZE_SIGN_OFF, "engineer", SignatureMeaning.REVIEWED,
				Map.of(DESIGN_FROZEN.name(), false)), "Rejected");
		assertThat(sign(product, DESIGN_FREEZE_SIGN_OFF, "engineer", SignatureMeaning.REJECTED,
				Map.of(DESIGN_FROZEN.name(), false))
			.meaning()).isEqualTo(SignatureMeaning.REJECTED);

		refusedAsContradiction(() -> sign(product, INSPECTION_STANDARD_APPROVAL, "quality", SignatureMeaning.APPROVED,
				inspection(true, false, true)), "Rejected", "the material is not confirmed");
		refusedAsContradiction(() -> sign(product, INSPECTION_STANDARD_APPROVAL, "quality", SignatureMeaning.APPROVED,
				inspection(false, true, true)), "the inspection standard is not approved");
		refusedAsContradiction(() -> sign(product, INSPECTION_STANDARD_APPROVAL, "quality", SignatureMeaning.APPROVED,
				inspection(true, true, false)), "the surface finish is not confirmed");
		refusedAsContradiction(() -> sign(product, INSPECTION_STANDARD_APPROVAL, "quality", SignatureMeaning.REJECTED,
				inspection(true, true, true)), "Approved");
		assertThat(sign(product, INSPECTION_STANDARD_APPROVAL, "quality", SignatureMeaning.REJECTED,
				inspection(true, false, true))
			.meaning()).isEqualTo(SignatureMeaning.REJECTED);

		assertThat(completion.signaturesOf(product.partNumber()))
			.noneMatch(SignatureMeaningProcessTest::approvesAnUntickedBox);
	}

	@Test
	void aSignatureMustCarryTheDecisionItMeans() {
		Product product = lifecycles.aProduct(false);
		lifecycles.passGate1(product);
		assertThatThrownBy(() -> sign(product, DESIGN_FREEZE_SIGN_OFF, "engineer", SignatureMeaning.APPROVED,
				Map.of("designFreezeComment", "rev C")))
			.isInstanceOf(InvalidInput.class)
			.satisfies(e -> assertThat(((InvalidInput) e).field()).isEqualTo(DESIGN_FROZEN.name()))
			.hasMessageContaining("ticked or unticked");
		assertThat(lifecycles.task(product, DESIGN_FREEZE_SIGN_OFF)).isNotNull();
	}

	@Test
	void prototypeKillAndRecycleAreRejectionsAndGoIsAnApproval() {
		Product recycled = lifecycles.aProduct(false);
		refusedAsContradiction(() -> sign(recycled, PROTOTYPE_REVIEW, "engineer", SignatureMeaning.APPROVED,
				Map.of(PROTOTYPE_DECISION.name(), "RECYCLE")), "Rejected", "Recycle");
		assertThat(sign(recycled, PROTOTYPE_REVIEW, "engineer", SignatureMeaning.REJECTED,
				Map.of(PROTOTYPE_DECISION.name(), "RECYCLE"))
			.meaning()).isEqualTo(SignatureMeaning.REJECTED);

		refusedAsContradiction(() -> sign(recycled, PROTOTYPE_REVIEW, "engineer", SignatureMeaning.REJECTED,
				Map.of(PROTOTYPE_DECISION.name(), "GO")), "Approved");
		assertThat(sign(recycled, PROTOTYPE_REVIEW, "engineer", SignatureMeaning.APPROVED,
				Map.of(PROTOTYPE_DECISION.name(), "GO"))
			.meaning()).isEqualTo(SignatureMeaning.APPROVED);

		Product killed = lifecycles.aProduct(false);
		refusedAsContradiction(() -> sign(killed, PROTOTYPE_REVIEW, "engineer", SignatureMeaning.APPROVED,
				Map.of(PROTOTYPE_DECISION.name(), "KILL")), "Rejected", "Kill");
		assertThat(sign(killed, PROTOTYPE_REVIEW, "engineer", SignatureMeaning.REJECTED,
				Map.of(PROTOTYPE_DECISION.name(), "KILL"))
			.meaning()).isEqualTo(SignatureMeaning.REJECTED);
	}

	@Test
	void theGateDecisionGivesTheMeaningOfTheGatekeepersSignature() {
		Product product = lifecycles.aProduct(false);
		lifecycles.passGate1(product);
		lifecycles.signAllReadiness(product);
		Map<String, Object> kill = new HashMap<>();
		kill.put(GATE_DECISION.name(), "KILL");
		kill.put(OVERRIDE_REASON.name(), "The customer cancelled the programme.");

		refusedAsContradiction(() -> sign(product, GATE_REVIEW, "gatekeeper", SignatureMeaning.APPROVED, kill),
				"Rejected", "Kill");
		refusedAsContradiction(() -> sign(product, GATE_REVIEW, "gatekeeper", SignatureMeaning.APPROVED,
				Map.of(GATE_DECISION.name(), "STAY_SMALL_BATCH")), "Rejected", "Hold");
		assertThat(sign(product, GATE_REVIEW, "gatekeeper", SignatureMeaning.REJECTED, kill).meaning())
			.isEqualTo(SignatureMeaning.REJECTED);
	}

	/** An Approved signature beside a verdict box left unticked: what must never be. */
	private static boolean approvesAnUntickedBox(Signature signature) {
		return signature.meaning() == SignatureMeaning.APPROVED && VERDICTS.stream()
			.anyMatch(verdict -> signature.signedValues().contains("\"" + verdict.name() + "\":false"));
	}

}
