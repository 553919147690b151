package io.scalegate.gate;

import java.util.List;
import java.util.Map;

/**
 * The lifecycle evaluated the gate DRD: its inputs, the recommendation, the unmet
 * conditions, and the model versions in force ({@code rulesVersion}: process key:version,
 * deployment, each decision's version).
 */
public record GateEvaluated(String partNumber, String processInstanceId, String recommendation, List<String> reasons,
		Map<String, Object> inputs, Map<String, Object> rulesVersion) {
}
