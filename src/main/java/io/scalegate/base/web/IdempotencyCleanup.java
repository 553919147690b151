package io.scalegate.base.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Removes expired {@code Idempotency-Key}s on every node, every
 * {@code scalegate.idempotency.cleanup-every}. Cluster-safe without a lock: it is one
 * {@code DELETE} of rows older than the retention, so two nodes deleting at once delete
 * each row once, and a repeat that comes after expiry is treated as new anyway.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class IdempotencyCleanup {

	private static final Logger log = LoggerFactory.getLogger(IdempotencyCleanup.class);

	private final Idempotency idempotency;

	IdempotencyCleanup(Idempotency idempotency) {
		this.idempotency = idempotency;
	}

	@Scheduled(fixedDelayString = "${scalegate.idempotency.cleanup-every:15m}",
			initialDelayString = "${scalegate.idempotency.cleanup-every:15m}")
	void expire() {
		int removed = idempotency.expire();
		if (removed > 0) {
			log.info("Removed {} expired idempotency keys", removed);
		}
	}

}
