package io.scalegate.gate;

import io.scalegate.base.AuditAction;
import io.scalegate.base.AuditNote;
import io.scalegate.base.AuditSubject;
import io.scalegate.base.Audited;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The gatekeeper decided against the rules' recommendation, with a written reason;
 * published right after its {@link GateDecided}.
 */
public record RecommendationOverridden(String partNumber, String processInstanceId, String decision,
		String recommendation, String overrideReason, String decidedBy,
		Map<String, Object> rulesVersion) implements Audited {

	@Override
	public AuditNote audit() {
		return new AuditNote(AuditAction.RECOMMENDATION_OVERRIDDEN, AuditSubject.PRODUCT, partNumber, decidedBy,
				details());
	}

	private Map<String, Object> details() {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("decision", decision);
		details.put("recommendation", recommendation);
		details.put("processInstanceId", processInstanceId);
		details.put("rulesVersion", rulesVersion);
		details.put("overrideReason", overrideReason);
		return details;
	}

}
