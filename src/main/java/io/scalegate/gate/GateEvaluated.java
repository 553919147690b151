package io.scalegate.gate;

import io.scalegate.base.AuditAction;
import io.scalegate.base.AuditNote;
import io.scalegate.base.AuditSubject;
import io.scalegate.base.Audited;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The lifecycle evaluated the gate DRD: its inputs, the recommendation, the unmet
 * conditions, and the model versions in force ({@code rulesVersion}: process key:version,
 * deployment, each decision's version). The system evaluates, on behalf of the person
 * whose signature (or other step) made the lifecycle reach the gate: {@code onBehalfOf},
 * null when nobody did (a timer, evidence sent by the system).
 */
public record GateEvaluated(String partNumber, String processInstanceId, String recommendation, List<String> reasons,
		Map<String, Object> inputs, Map<String, Object> rulesVersion, String onBehalfOf) implements Audited {

	@Override
	public AuditNote audit() {
		return AuditNote.bySystem(AuditAction.GATE_EVALUATED, AuditSubject.PRODUCT, partNumber, onBehalfOf, details());
	}

	private Map<String, Object> details() {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("recommendation", recommendation);
		details.put("reasons", reasons);
		details.put("inputs", inputs);
		details.put("rulesVersion", rulesVersion);
		details.put("processInstanceId", processInstanceId);
		return details;
	}

}
