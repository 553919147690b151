package io.scalegate.task.ui;

import static io.scalegate.gate.ProductLifecycle.*;

import java.util.List;
import java.util.Map;

/** The lifecycle's user tasks in words. */
final class TaskNames {

	static final List<String> KEYS = List.of(PROTOTYPE_REVIEW, DESIGN_FREEZE_SIGN_OFF, INSPECTION_STANDARD_APPROVAL,
			SUPPLIER_QUALIFICATION, GATE_REVIEW, CLOSE_GATE_CONDITION);

	private static final Map<String, String> NAMES = Map.of(PROTOTYPE_REVIEW, "Prototype review (Gate 1)",
			DESIGN_FREEZE_SIGN_OFF, "Design freeze sign-off", INSPECTION_STANDARD_APPROVAL,
			"Inspection standard approval", SUPPLIER_QUALIFICATION, "Supplier qualification", GATE_REVIEW,
			"Gate review (Gate 2)", CLOSE_GATE_CONDITION, "Gate condition");

	private TaskNames() {
	}

	static String of(String key) {
		return NAMES.getOrDefault(key, key);
	}

}
