package io.scalegate.task;

import io.scalegate.base.AuditAction;
import io.scalegate.base.AuditNote;
import io.scalegate.base.AuditSubject;
import io.scalegate.base.Audited;
import java.util.LinkedHashMap;
import java.util.Map;

/** A deputy was named for an absent person, by the person or an administrator. */
record DeputyNamed(Deputyship deputyship) implements Audited {

	@Override
	public AuditNote audit() {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("deputyship", deputyship.id());
		details.put("absent", deputyship.absent());
		details.put("deputy", deputyship.deputy());
		details.put("firstDay", deputyship.firstDay().toString());
		details.put("lastDay", deputyship.lastDay().toString());
		details.put("reason", deputyship.reason());
		return new AuditNote(AuditAction.DEPUTY_NAMED, AuditSubject.USER, deputyship.absent(), deputyship.namedBy(),
				details);
	}

}
