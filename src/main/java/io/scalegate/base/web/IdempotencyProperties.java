package io.scalegate.base.web;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long an {@code Idempotency-Key} and its answer are kept, and how often the expired
 * ones are removed. A repeat within {@code keptFor} is a replay; after it, the key is
 * new.
 *
 * @param keptFor how long a key is kept (24 hours unless configured)
 * @param cleanupEvery how often every node removes the expired keys (deleting the same
 * expired rows twice is harmless, so the nodes need no coordination)
 */
@ConfigurationProperties("scalegate.idempotency")
public record IdempotencyProperties(@DefaultValue("24h") Duration keptFor, @DefaultValue("15m") Duration cleanupEvery) {

	public IdempotencyProperties {
		if (keptFor.isNegative() || keptFor.isZero() || cleanupEvery.isNegative() || cleanupEvery.isZero()) {
			throw new IllegalArgumentException("scalegate.idempotency durations must be positive");
		}
	}

}
