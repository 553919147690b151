package io.scalegate.product;

import io.scalegate.base.AuditAction;
import io.scalegate.base.AuditNote;
import io.scalegate.base.AuditSubject;
import io.scalegate.base.Audited;
import java.util.Map;

/** Published in the registering transaction; the lifecycle process starts on it. */
public record ProductRegistered(long productId, String partNumber, String registeredBy) implements Audited {

	@Override
	public AuditNote audit() {
		return new AuditNote(AuditAction.PRODUCT_REGISTERED, AuditSubject.PRODUCT, partNumber, registeredBy,
				Map.of("productId", productId));
	}

}
