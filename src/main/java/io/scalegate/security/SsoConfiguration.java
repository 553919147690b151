package io.scalegate.security;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;

/**
 * The company's identity provider as Spring Security's one client registration
 * ({@value SsoProperties#REGISTRATION_ID}), built from its issuer's OpenID Connect
 * discovery document at start; only where {@code scalegate.sso.issuer-uri} is set
 * (docs/adr/0015).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${scalegate.sso.issuer-uri:}'.isBlank()")
class SsoConfiguration {

	@Bean
	ClientRegistrationRepository ssoClientRegistrations(SsoProperties sso) {
		if (sso.clientId() == null || sso.clientId().isBlank()) {
			throw new IllegalStateException(
					"scalegate.sso.issuer-uri is set but scalegate.sso.client-id (SCALEGATE_SSO_CLIENT_ID) is not");
		}
		ClientRegistration registration = ClientRegistrations.fromIssuerLocation(sso.issuerUri())
			.registrationId(SsoProperties.REGISTRATION_ID)
			.clientId(sso.clientId())
			.clientSecret(sso.clientSecret())
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
			.scope(sso.scopes())
			.clientName(sso.displayName())
			.build();
		return new InMemoryClientRegistrationRepository(registration);
	}

}
