package io.scalegate.audit;

import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * At start, before anything else is recorded: entries of before keys, or of a key since
 * rotated, are sealed by an entry under the current key (ADR 0010).
 */
@Component
class AuditKeySeal {

	private final AuditTrail trail;

	AuditKeySeal(AuditTrail trail) {
		this.trail = trail;
	}

	@EventListener(ApplicationStartedEvent.class)
	@Order(Ordered.HIGHEST_PRECEDENCE)
	void seal() {
		trail.sealWithCurrentKey();
	}

}
