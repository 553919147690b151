package io.scalegate.model.change;

import io.scalegate.base.AuditAction;
import io.scalegate.base.AuditNote;
import io.scalegate.base.AuditSubject;
import io.scalegate.base.Audited;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A process owner's model change moved on: drafted (from a refused ungoverned deployment
 * too), submitted for approval or rejected ({@code detail}: the summary or the reason).
 *
 * @param action {@code MODEL_CHANGE_DRAFTED}, {@code MODEL_CHANGE_SUBMITTED} or
 * {@code MODEL_CHANGE_REJECTED}
 * @param impact a submitted change's impact on the running products' gate verdicts (one
 * bounded line), else null
 */
public record ModelChangeRecorded(AuditAction action, long changeId, String resourceName, String by, String detail,
		String impact) implements Audited {

	ModelChangeRecorded(AuditAction action, long changeId, String resourceName, String by, String detail) {
		this(action, changeId, resourceName, by, detail, null);
	}

	@Override
	public AuditNote audit() {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("changeId", changeId);
		details.put("detail", detail);
		if (impact != null) {
			details.put("impact", impact);
		}
		return new AuditNote(action, AuditSubject.MODEL, resourceName, by, details);
	}

}
