package io.scalegate.gate;

import io.scalegate.base.AuditAction;
import io.scalegate.base.AuditNote;
import io.scalegate.base.AuditSubject;
import io.scalegate.base.Audited;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The running products' stored verdicts were judged again under gate rules
 * {@code rulesVersion}: {@code done} of {@code total}, {@code failed} of them could not
 * be (they keep the verdict of older rules, which the filters leave out), {@code changed}
 * got another verdict. {@code supersededBy}: newer rules were deployed meanwhile and
 * their re-evaluation goes on (null when not).
 */
record ReevaluationFinished(int rulesVersion, int total, int done, int failed, int changed, String node,
		Integer supersededBy) implements Audited {

	@Override
	public AuditNote audit() {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("rulesVersion", rulesVersion);
		details.put("total", total);
		details.put("done", done);
		details.put("failed", failed);
		details.put("changed", changed);
		details.put("node", node);
		if (supersededBy != null) {
			details.put("supersededBy", supersededBy);
		}
		return new AuditNote(AuditAction.READINESS_REEVALUATION_FINISHED, AuditSubject.MODEL,
				ProductLifecycle.GATE_DRD_KEY + ":" + rulesVersion, "system", details);
	}

}
