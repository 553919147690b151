package io.scalegate.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param adminPassword the password of the {@code admin} account in the prod profile
 * (SCALEGATE_ADMIN_PASSWORD)
 * @param basicCacheTtl how long a password BCrypt found right for HTTP Basic is taken
 * without BCrypt again (docs/adr/0025); 0 turns the cache off
 * @param basicCacheSize at most this many remembered HTTP Basic sign-ins
 */
@ConfigurationProperties("scalegate.security")
record SecurityProperties(String adminPassword, @DefaultValue("5m") Duration basicCacheTtl,
		@DefaultValue("10000") long basicCacheSize) {
}
