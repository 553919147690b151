package io.scalegate.gate;

import io.scalegate.base.AuditAction;
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
	public AuditAction action() {
		return AuditAction.GATE_DECIDED;
	}

	@Override
	public AuditSubject subjectType() {
		return AuditSubject.PRODUCT;
	}

	@Override
	public String subjectId() {
		return partNumber;
	}

	@Override
	public String actor() {
		return Audited.orActing(decidedBy);
	}

	@Override
	public Map<String, Object> details() {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("decision", decision);
		details.put("recommendation", recommendation);
		details.put("processInstanceId", processInstanceId);
		details.put("rulesVersion", rulesVersion);
		return details;
	}

}
