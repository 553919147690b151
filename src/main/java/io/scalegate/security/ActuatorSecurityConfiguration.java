package io.scalegate.security;

import java.time.Clock;
import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * Spring Boot's actuator (docs/adr/0026-metrics-and-health.md): health and its probes
 * open to anyone (load balancers and orchestrators ask without credentials, and the
 * answer names no component); {@code /actuator/prometheus} for an administrator's
 * scraper, with an API token (Bearer, what Prometheus sends) or HTTP Basic, stateless and
 * throttled as the API; every other actuator path refused, exposed or not.
 */
@Configuration(proxyBeanMethods = false)
class ActuatorSecurityConfiguration {

	@Bean
	@Order(4)
	SecurityFilterChain actuator(HttpSecurity http, ApiTokens tokens, SignInThrottle throttle, Clock clock)
			throws Exception {
		PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
		http.securityMatcher(new OrRequestMatcher(EndpointRequest.toAnyEndpoint(), paths.matcher("/actuator"),
				paths.matcher("/actuator/**")))
			.csrf(AbstractHttpConfigurer::disable)
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.httpBasic(basic -> basic.authenticationEntryPoint(ApiSecurityConfiguration.challenge()))
			.oauth2ResourceServer(server -> server.opaqueToken(opaque -> opaque.introspector(tokens))
				.authenticationEntryPoint(ApiSecurityConfiguration.challenge())
				.accessDeniedHandler(ApiSecurityConfiguration.forbidden()))
			.exceptionHandling(errors -> errors.authenticationEntryPoint(ApiSecurityConfiguration.challenge())
				.accessDeniedHandler(ApiSecurityConfiguration.forbidden()))
			.authorizeHttpRequests(requests -> requests.requestMatchers(EndpointRequest.to("health"))
				.permitAll()
				.requestMatchers(EndpointRequest.to("prometheus"))
				.hasRole(Role.ADMIN.name())
				.anyRequest()
				.denyAll())
			.addFilterBefore(new CrossSiteBasicGuard(), BasicAuthenticationFilter.class)
			.addFilterBefore(SignInThrottleFilter.httpBasic(throttle, clock), BasicAuthenticationFilter.class)
			.headers(SecurityHeaders.with(SecurityHeaders.API_POLICY));
		return http.build();
	}

}
