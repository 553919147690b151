package io.scalegate.task;

import io.scalegate.base.AuditAction;
import io.scalegate.base.AuditNote;
import io.scalegate.base.AuditSubject;
import io.scalegate.base.Audited;
import java.util.LinkedHashMap;
import java.util.Map;

/** A deputyship was ended before its last day was over. */
record DeputyEnded(Deputyship deputyship, String by, java.time.Instant at) implements Audited {

	@Override
	public AuditNote audit() {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("deputyship", deputyship.id());
		details.put("absent", deputyship.absent());
		details.put("deputy", deputyship.deputy());
		details.put("firstDay", deputyship.firstDay().toString());
		details.put("lastDay", deputyship.lastDay().toString());
		details.put("endedAt", at.toString());
		return new AuditNote(AuditAction.DEPUTY_ENDED, AuditSubject.USER, deputyship.absent(), by, details);
	}

}
