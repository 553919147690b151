package io.scalegate.condition;

import io.scalegate.base.AuditAction;
import io.scalegate.base.AuditNote;
import io.scalegate.base.AuditSubject;
import io.scalegate.base.Audited;
import java.time.LocalDate;

/**
 * The condition's due day passed with it open: its task went to the top of every inbox
 * and to the gatekeepers. {@code who}: the system (the timer), or whom it acted for.
 */
public record ConditionEscalated(String partNumber, long conditionId, String text, String owner, LocalDate dueDate,
		String who) implements Audited {

	@Override
	public AuditNote audit() {
		return new AuditNote(AuditAction.CONDITION_ESCALATED, AuditSubject.PRODUCT, partNumber, who,
				ConditionRaised.details(conditionId, text, owner, dueDate));
	}

}
