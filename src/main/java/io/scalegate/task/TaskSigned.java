package io.scalegate.task;

import io.scalegate.base.AuditAction;
import io.scalegate.base.AuditNote;
import io.scalegate.base.AuditSubject;
import io.scalegate.base.Audited;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Published in the transaction in which a signature completed a task; the trail keeps the
 * signature's manifestation.
 */
record TaskSigned(Signature signature) implements Audited {

	@Override
	public AuditNote audit() {
		return new AuditNote(AuditAction.SIGNATURE_GIVEN, AuditSubject.TASK, signature.taskId(), signature.username(),
				details());
	}

	private Map<String, Object> details() {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("partNumber", signature.partNumber());
		details.put("task", signature.taskName());
		details.put("taskKey", signature.taskKey());
		details.put("printedName", signature.printedName());
		details.put("meaning", signature.meaning().name());
		details.put("signedAt", signature.signedAt().toString());
		details.put("valuesHash", signature.valuesHash());
		details.put("signatureId", signature.id());
		if (signature.withoutClaim()) {
			details.put("withoutClaim", true);
		}
		if (signature.actingFor() != null) {
			details.put("actingFor", signature.actingFor());
		}
		return details;
	}

}
