package io.scalegate.product;

import io.scalegate.base.AuditAction;
import io.scalegate.base.AuditSubject;
import io.scalegate.base.Audited;
import java.util.Map;

/** Published in the registering transaction; the lifecycle process starts on it. */
public record ProductRegistered(long productId, String partNumber, String registeredBy) implements Audited {

	@Override
	public AuditAction action() {
		return AuditAction.PRODUCT_REGISTERED;
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
		return Audited.orActing(registeredBy);
	}

	@Override
	public Map<String, Object> details() {
		return Map.of("productId", productId);
	}

}
