package io.scalegate.product;

import io.scalegate.base.AuditAction;
import io.scalegate.base.AuditSubject;
import io.scalegate.base.Audited;
import java.util.Map;

/**
 * Published in the transaction that moves a product to another stage, by whoever is
 * acting.
 */
record StageChanged(String partNumber, Stage from, Stage to) implements Audited {

	@Override
	public AuditAction action() {
		return AuditAction.STAGE_CHANGED;
	}

	@Override
	public AuditSubject subjectType() {
		return AuditSubject.PRODUCT;
	}

	@Override
	public String subjectId() {
		return partNumber;
	}

	@Override
	public String actor() {
		return null;
	}

	@Override
	public Map<String, Object> details() {
		return Map.of("from", from.name(), "to", to.name());
	}

}
