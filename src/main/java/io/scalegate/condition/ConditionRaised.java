package io.scalegate.condition;

import io.scalegate.base.AuditAction;
import io.scalegate.base.AuditNote;
import io.scalegate.base.AuditSubject;
import io.scalegate.base.Audited;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/** A gatekeeper's Go with conditions raised this condition, for its owner. */
public record ConditionRaised(String partNumber, long conditionId, String text, String owner, LocalDate dueDate,
		String who) implements Audited {

	@Override
	public AuditNote audit() {
		return new AuditNote(AuditAction.CONDITION_RAISED, AuditSubject.PRODUCT, partNumber, who,
				ConditionRaised.details(conditionId, text, owner, dueDate));
	}

	static Map<String, Object> details(long conditionId, String text, String owner, LocalDate dueDate) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("conditionId", conditionId);
		details.put("text", text);
		details.put("owner", owner);
		details.put("dueDate", dueDate.toString());
		return details;
	}

}
