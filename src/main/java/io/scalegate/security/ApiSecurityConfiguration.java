package io.scalegate.security;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthentication;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * The integration API ({@code /api/**}) and its documentation: stateless, no CSRF (no
 * cookies), a Bearer API token issued by an administrator or HTTP Basic with a person's
 * own account (throttled: {@link SignInThrottle}; refused from another site's page:
 * {@link CrossSiteBasicGuard}). Every call must be authenticated; each endpoint's
 * {@code @PreAuthorize} names the roles that may use it.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class ApiSecurityConfiguration {

	/**
	 * The answer to HTTP Basic with a one-time password: it opens nothing until replaced
	 * (docs/adr/0014).
	 */
	static final String ONE_TIME_PASSWORD = "this account has a one-time password: sign in at /login and choose "
			+ "your own password before using the API";

	@Bean
	@Order(3)
	SecurityFilterChain api(HttpSecurity http, ApiTokens tokens, SignInThrottle throttle, Clock clock)
			throws Exception {
		PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
		http.securityMatcher(new OrRequestMatcher(paths.matcher("/api/**"), paths.matcher("/v3/api-docs"),
				paths.matcher("/v3/api-docs/**"), paths.matcher("/swagger-ui/**"), paths.matcher("/swagger-ui.html")))
			.csrf(AbstractHttpConfigurer::disable)
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.httpBasic(basic -> basic.authenticationEntryPoint(challenge())
				.authenticationDetailsSource(BasicSignInDetails::new))
			.oauth2ResourceServer(server -> server.opaqueToken(opaque -> opaque.introspector(tokens))
				.authenticationEntryPoint(challenge())
				.accessDeniedHandler(forbidden()))
			.exceptionHandling(errors -> errors.authenticationEntryPoint(challenge()).accessDeniedHandler(forbidden()))
			// accounts are managed by a person signed in as themselves, never by an API
			// token: a token outlives its issuer and would escape the self rules
			.authorizeHttpRequests(requests -> requests
				.requestMatchers(paths.matcher("/api/admin/users"), paths.matcher("/api/admin/users/**"))
				.access((authentication, context) -> new AuthorizationDecision(
						!(authentication.get() instanceof BearerTokenAuthentication)
								&& authentication.get().isAuthenticated()))
				.anyRequest()
				.authenticated())
			.addFilterBefore(new CrossSiteBasicGuard(), BasicAuthenticationFilter.class)
			.addFilterBefore(SignInThrottleFilter.httpBasic(throttle, clock), BasicAuthenticationFilter.class)
			.headers(SecurityHeaders.with(SecurityHeaders.API_POLICY));
		return http.build();
	}

	/**
	 * 401 with both challenges; also the actuator's
	 * ({@link ActuatorSecurityConfiguration}).
	 */
	static AuthenticationEntryPoint challenge() {
		return (request, response, exception) -> {
			response.setHeader("WWW-Authenticate", "Bearer realm=\"ScaleGate\", Basic realm=\"ScaleGate\"");
			String detail = request.getHeader("Authorization") == null
					? "send an API token (Authorization: Bearer ...) or log in with HTTP Basic"
					: exception instanceof CredentialsExpiredException ? ONE_TIME_PASSWORD
							// the same words for a wrong password, an unknown and a
							// disabled
							// account: an answer must not tell which accounts exist
							: request.getHeader("Authorization").regionMatches(true, 0, "Basic ", 0, 6)
									? "wrong user id or password" : exception.getMessage();
			ProblemResponses.write(response, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized", detail);
		};
	}

	static AccessDeniedHandler forbidden() {
		return (request, response, exception) -> ProblemResponses
			.write(response, HttpServletResponse.SC_FORBIDDEN, "Forbidden", request.getRequestURI()
				.startsWith(request.getContextPath() + "/api/admin/users")
					&& SecurityContextHolder.getContext().getAuthentication() instanceof BearerTokenAuthentication
							? "accounts are managed by an administrator signed in as themselves, not with an API token"
							: "your role may not use " + request.getMethod() + " " + request.getRequestURI());
	}

}
