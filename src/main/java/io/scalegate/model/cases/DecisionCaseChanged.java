package io.scalegate.model.cases;

import io.scalegate.base.AuditAction;
import io.scalegate.base.AuditNote;
import io.scalegate.base.AuditSubject;
import io.scalegate.base.Audited;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A decision test case was added, changed or removed: its inputs and expected outputs
 * before and after (JSON, null when absent).
 */
record DecisionCaseChanged(String decisionKey, String name, String before, String after, String by,
		long changeId) implements Audited {

	@Override
	public AuditNote audit() {
		return new AuditNote(AuditAction.DECISION_CASE_CHANGED, AuditSubject.MODEL, decisionKey, by, details());
	}

	private Map<String, Object> details() {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("case", name);
		details.put("change", changeId);
		details.put("before", before);
		details.put("after", after);
		return details;
	}

}
