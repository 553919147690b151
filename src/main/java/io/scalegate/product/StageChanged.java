package io.scalegate.product;

import io.scalegate.base.AuditAction;
import io.scalegate.base.AuditNote;
import io.scalegate.base.AuditSubject;
import io.scalegate.base.Audited;
import java.util.Map;

/**
 * Published in the transaction that moves a product to another stage, by whoever is
 * acting.
 */
record StageChanged(String partNumber, Stage from, Stage to) implements Audited {

	@Override
	public AuditNote audit() {
		return new AuditNote(AuditAction.STAGE_CHANGED, AuditSubject.PRODUCT, partNumber, null,
				Map.of("from", from.name(), "to", to.name()));
	}

}
