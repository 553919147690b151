package io.scalegate.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The trail's keys from the environment or a mounted secret; the prod profile refuses to
 * start without them.
 */
@Configuration(proxyBeanMethods = false)
class AuditKeyConfiguration {

	private static final Logger log = LoggerFactory.getLogger(AuditKeyConfiguration.class);

	@Bean
	AuditKeys auditKeys(AuditKeyProperties properties, Environment environment) {
		AuditKeys keys = AuditKeys.of(properties, environment.matchesProfiles("prod"));
		if (keys.generated()) {
			log.warn(
					"No audit trail key is configured (SCALEGATE_AUDIT_KEY or SCALEGATE_AUDIT_KEY_FILE): this run signs"
							+ " the trail with a random key '{}' that is gone when it stops. Fine for the in-memory demo; with a"
							+ " database that outlives a restart the trail will NOT verify afterwards (entries under an unknown"
							+ " key). Configure a key for anything but a demo; the prod profile refuses to start without one.",
					keys.current().id());
		}
		else {
			log.info("The audit trail signs with key '{}'; {} key(s) verify", keys.current().id(), keys.all().size());
		}
		return keys;
	}

}
