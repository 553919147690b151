package io.scalegate.gate;

import io.scalegate.base.AuditAction;
import io.scalegate.base.AuditNote;
import io.scalegate.base.AuditSubject;
import io.scalegate.base.Audited;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The gatekeeper decided; {@code overridden} when the decision differs from the
 * recommendation (then {@link RecommendationOverridden} follows).
 */
public record GateDecided(String partNumber, String processInstanceId, String decision, String recommendation,
		boolean overridden, String overrideReason, String decidedBy,
		Map<String, Object> rulesVersion) implements Audited {

	@Override
	public AuditNote audit() {
		return new AuditNote(AuditAction.GATE_DECIDED, AuditSubject.PRODUCT, partNumber, decidedBy, details());
	}

	private Map<String, Object> details() {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("decision", decision);
		details.put("recommendation", recommendation);
		details.put("processInstanceId", processInstanceId);
		details.put("rulesVersion", rulesVersion);
		return details;
	}

}
