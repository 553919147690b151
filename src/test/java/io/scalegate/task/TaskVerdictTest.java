package io.scalegate.task;

import static io.scalegate.gate.ProductLifecycle.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scalegate.base.InvalidInput;
import io.scalegate.gate.GateDecision;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The meaning mapping of ADR 0003, task by task. */
class TaskVerdictTest {

	private static SignatureMeaning meaning(String taskKey, Map<String, Object> values) {
		return TaskVerdict.of(taskKey, values).orElseThrow().meaning();
	}

	@Test
	void everyDecisionOfTheLifecycleHasItsMeaning() {
		assertThat(meaning(PROTOTYPE_REVIEW, Map.of(PROTOTYPE_DECISION.name(), "GO")))
			.isEqualTo(SignatureMeaning.APPROVED);
		assertThat(meaning(PROTOTYPE_REVIEW, Map.of(PROTOTYPE_DECISION.name(), "RECYCLE")))
			.isEqualTo(SignatureMeaning.REJECTED);
		assertThat(meaning(PROTOTYPE_REVIEW, Map.of(PROTOTYPE_DECISION.name(), "KILL")))
			.isEqualTo(SignatureMeaning.REJECTED);
		assertThat(meaning(DESIGN_FREEZE_SIGN_OFF, Map.of(DESIGN_FROZEN.name(), true)))
			.isEqualTo(SignatureMeaning.APPROVED);
		assertThat(meaning(DESIGN_FREEZE_SIGN_OFF, Map.of(DESIGN_FROZEN.name(), false)))
			.isEqualTo(SignatureMeaning.REJECTED);
		assertThat(meaning(SUPPLIER_QUALIFICATION, Map.of(SUPPLIER_APPROVED.name(), true)))
			.isEqualTo(SignatureMeaning.APPROVED);
		assertThat(meaning(SUPPLIER_QUALIFICATION, Map.of(SUPPLIER_APPROVED.name(), false)))
			.isEqualTo(SignatureMeaning.REJECTED);
		assertThat(meaning(INSPECTION_STANDARD_APPROVAL, Map.of(INSPECTION_STANDARD_APPROVED.name(), true,
				MATERIAL_CONFIRMED.name(), true, SURFACE_FINISH_CONFIRMED.name(), true)))
			.isEqualTo(SignatureMeaning.APPROVED);
		TaskVerdict twoMissing = TaskVerdict
			.of(INSPECTION_STANDARD_APPROVAL, Map.of(INSPECTION_STANDARD_APPROVED.name(), true,
					MATERIAL_CONFIRMED.name(), false, SURFACE_FINISH_CONFIRMED.name(), false))
			.orElseThrow();
		assertThat(twoMissing.meaning()).isEqualTo(SignatureMeaning.REJECTED);
		assertThat(twoMissing.decision())
			.isEqualTo("the material is not confirmed and the surface finish is not confirmed");
		for (GateDecision decision : GateDecision.values()) {
			boolean passes = decision == GateDecision.GO_MASS_PRODUCTION || decision == GateDecision.GO_WITH_CONDITIONS
					|| decision == GateDecision.ONE_STOP_SCALE_PLANNING;
			assertThat(meaning(GATE_REVIEW, Map.of(GATE_DECISION.name(), decision.name()))).as(decision.name())
				.isEqualTo(passes ? SignatureMeaning.APPROVED : SignatureMeaning.REJECTED);
		}
	}

	@Test
	void aTaskThatDecidesNothingKnownLeavesTheMeaningToTheSigner() {
		assertThat(TaskVerdict.of("reviewPackaging", Map.of("ok", false))).isEmpty();
	}

	@Test
	void aDecisionLeftOutOrUnknownIsRefused() {
		assertThatThrownBy(() -> TaskVerdict.of(SUPPLIER_QUALIFICATION, Map.of(SUPPLIER_APPROVED.name(), "yes")))
			.isInstanceOf(InvalidInput.class)
			.hasMessageStartingWith("supplierApproved: must be sent ticked or unticked");
		assertThatThrownBy(() -> TaskVerdict.of(GATE_REVIEW, Map.of(GATE_DECISION.name(), "MAYBE")))
			.isInstanceOf(InvalidInput.class)
			.hasMessageContaining("choose one of GO_MASS_PRODUCTION");
		assertThatThrownBy(() -> TaskVerdict.of(PROTOTYPE_REVIEW, Map.of())).isInstanceOf(InvalidInput.class)
			.hasMessageContaining("choose one of GO, RECYCLE, KILL");
	}

	@Test
	void aContradictionSaysWhatTheValuesMean() {
		TaskVerdict rejected = TaskVerdict.of(SUPPLIER_QUALIFICATION, Map.of(SUPPLIER_APPROVED.name(), false))
			.orElseThrow();
		assertThat(rejected.contradiction(SignatureMeaning.REJECTED)).isEmpty();
		assertThat(rejected.contradiction(SignatureMeaning.APPROVED)).hasValue(
				"your values mean Rejected (the supplier is not approved for mass production); a signature on them "
						+ "cannot mean Approved: sign as Rejected, or change the values");
	}

}
