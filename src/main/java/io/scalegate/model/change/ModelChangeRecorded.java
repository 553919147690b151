package io.scalegate.model.change;

import io.scalegate.base.AuditAction;
import io.scalegate.base.AuditNote;
import io.scalegate.base.AuditSubject;
import io.scalegate.base.Audited;
import java.util.Map;

/**
 * A process owner's model change moved on: drafted (from a refused ungoverned deployment
 * too), submitted for approval or rejected ({@code detail}: the summary or the reason).
 *
 * @param action {@code MODEL_CHANGE_DRAFTED}, {@code MODEL_CHANGE_SUBMITTED} or
 * {@code MODEL_CHANGE_REJECTED}
 */
record ModelChangeRecorded(AuditAction action, long changeId, String resourceName, String by,
		String detail) implements Audited {

	@Override
	public AuditNote audit() {
		return new AuditNote(action, AuditSubject.MODEL, resourceName, by,
				Map.of("changeId", changeId, "detail", detail));
	}

}
