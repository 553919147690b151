package io.scalegate.document;

import io.scalegate.base.AuditAction;
import io.scalegate.base.AuditNote;
import io.scalegate.base.AuditSubject;
import io.scalegate.base.Audited;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Published in the transaction that attached a document: the trail keeps its kind,
 * version, name, size and SHA-256, so the file shown later can be proven to be the one
 * uploaded.
 */
public record DocumentAttached(Document document) implements Audited {

	@Override
	public AuditNote audit() {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("documentId", document.id());
		details.put("kind", document.kind().name());
		details.put("version", document.version());
		details.put("fileName", document.fileName());
		details.put("mediaType", document.mediaType());
		details.put("sizeBytes", document.sizeBytes());
		details.put("sha256", document.sha256());
		DocumentLinks links = document.links();
		if (links.taskId() != null) {
			details.put("taskId", links.taskId());
		}
		if (links.evidenceKind() != null) {
			details.put("evidenceKind", links.evidenceKind());
		}
		if (links.evidenceId() != null) {
			details.put("evidenceId", links.evidenceId());
		}
		if (links.gate() != null) {
			details.put("gate", links.gate());
		}
		return new AuditNote(AuditAction.DOCUMENT_ATTACHED, AuditSubject.PRODUCT, document.partNumber(),
				document.uploadedBy(), details);
	}

}
