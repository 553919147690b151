package io.scalegate.gate;

import io.scalegate.base.AuditAction;
import io.scalegate.base.AuditNote;
import io.scalegate.base.AuditSubject;
import io.scalegate.base.Audited;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A node began (or, after another node stopped, took over) judging the running products'
 * stored verdicts again under gate rules {@code rulesVersion}: {@code total} products are
 * to be judged ({@code resumed}: counting those judged before the takeover).
 */
record ReevaluationStarted(int rulesVersion, int total, String node, boolean resumed) implements Audited {

	@Override
	public AuditNote audit() {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("rulesVersion", rulesVersion);
		details.put("total", total);
		details.put("node", node);
		details.put("resumed", resumed);
		return new AuditNote(AuditAction.READINESS_REEVALUATION_STARTED, AuditSubject.MODEL,
				ProductLifecycle.GATE_DRD_KEY + ":" + rulesVersion, "system", details);
	}

}
