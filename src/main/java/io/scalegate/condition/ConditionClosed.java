package io.scalegate.condition;

import io.scalegate.base.AuditAction;
import io.scalegate.base.AuditNote;
import io.scalegate.base.AuditSubject;
import io.scalegate.base.Audited;
import java.time.LocalDate;
import java.util.Map;

/** The owner (or their deputy) closed the condition with a signed note. */
public record ConditionClosed(String partNumber, long conditionId, String text, String owner, LocalDate dueDate,
		String who, String closingNote) implements Audited {

	@Override
	public AuditNote audit() {
		Map<String, Object> details = ConditionRaised.details(conditionId, text, owner, dueDate);
		details.put("closingNote", closingNote);
		return new AuditNote(AuditAction.CONDITION_CLOSED, AuditSubject.PRODUCT, partNumber, who, details);
	}

}
