package io.scalegate.condition;

import io.scalegate.base.AuditAction;
import io.scalegate.base.AuditNote;
import io.scalegate.base.AuditSubject;
import io.scalegate.base.Audited;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every condition of the product's Go with conditions is closed: the product is no longer
 * conditional. {@code who}: who closed the last one.
 */
public record ConditionsCleared(String partNumber, String processInstanceId, int conditions,
		String who) implements Audited {

	@Override
	public AuditNote audit() {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("processInstanceId", processInstanceId);
		details.put("conditions", conditions);
		return new AuditNote(AuditAction.CONDITIONS_CLEARED, AuditSubject.PRODUCT, partNumber, who, details);
	}

}
