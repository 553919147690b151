package io.scalegate.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param adminPassword the password of the {@code admin} account in the prod profile
 * (SCALEGATE_ADMIN_PASSWORD)
 */
@ConfigurationProperties("scalegate.security")
record SecurityProperties(String adminPassword) {
}
