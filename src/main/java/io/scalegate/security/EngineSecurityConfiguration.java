package io.scalegate.security;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Security of Camunda's own surfaces. {@code /engine-rest/**}: HTTP Basic against
 * ScaleGate's users, stateless, and only an allow-list of endpoints (what Camunda Modeler
 * and integrations need); all else is 403. {@code /camunda/**} (Cockpit, Admin and their
 * API): ADMIN only, after the normal login; anonymous API calls, the first-admin setup
 * included, get 401 and never reach Camunda. Tasklist is gone (404). What the engine
 * itself refuses to anyone, admins included, is in {@link EngineChangeGuard}.
 */
@Configuration(proxyBeanMethods = false)
class EngineSecurityConfiguration {

	static final String[] DEPLOYERS = { Role.PROCESS_OWNER.name(), Role.ADMIN.name() };

	static final String[] EVALUATORS = { Role.PROCESS_OWNER.name(), Role.GATEKEEPER.name(), Role.ADMIN.name(),
			Role.AUDITOR.name() };

	static final String[] READERS = EVALUATORS;

	private static final PathPatternRequestMatcher.Builder PATHS = PathPatternRequestMatcher.withDefaults();

	/**
	 * Camunda Tasklist and its API: gone (404) for everyone. Lifecycle tasks are signed
	 * in ScaleGate's inbox; Tasklist would offer completions the engine refuses
	 * (docs/adr/0008-no-completion-without-signature.md).
	 */
	static final RequestMatcher TASKLIST = new OrRequestMatcher(PATHS.matcher("/camunda/app/tasklist/**"),
			PATHS.matcher("/camunda/api/tasklist/**"));

	@Bean
	@Order(1)
	SecurityFilterChain engineRest(HttpSecurity http, ObjectMapper json, SignInThrottle throttle, Clock clock)
			throws Exception {
		http.securityMatcher(PATHS.matcher("/engine-rest/**"))
			.csrf(AbstractHttpConfigurer::disable)
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.httpBasic(basic -> basic.authenticationEntryPoint(basicChallenge())
				.authenticationDetailsSource(BasicSignInDetails::new))
			.exceptionHandling(
					errors -> errors.authenticationEntryPoint(basicChallenge()).accessDeniedHandler(forbidden()))
			.authorizeHttpRequests(requests -> requests
				.requestMatchers(PATHS.matcher(POST, "/engine-rest/deployment/create"))
				.hasAnyRole(DEPLOYERS)
				.requestMatchers(PATHS.matcher(POST, "/engine-rest/decision-definition/key/{key}/evaluate"),
						PATHS.matcher(POST, "/engine-rest/decision-definition/key/{key}/tenant-id/{tenant}/evaluate"),
						PATHS.matcher(POST, "/engine-rest/decision-definition/{id}/evaluate"))
				.hasAnyRole(EVALUATORS)
				.requestMatchers(PATHS.matcher(GET, "/engine-rest/version"), PATHS.matcher(GET, "/engine-rest/engine"),
						PATHS.matcher(GET, "/engine-rest/deployment"), PATHS.matcher(GET, "/engine-rest/deployment/**"),
						PATHS.matcher(GET, "/engine-rest/process-definition"),
						PATHS.matcher(GET, "/engine-rest/process-definition/**"),
						PATHS.matcher(GET, "/engine-rest/decision-definition"),
						PATHS.matcher(GET, "/engine-rest/decision-definition/**"),
						PATHS.matcher(GET, "/engine-rest/decision-requirements-definition"),
						PATHS.matcher(GET, "/engine-rest/decision-requirements-definition/**"),
						PATHS.matcher(GET, "/engine-rest/history/decision-instance"),
						PATHS.matcher(GET, "/engine-rest/history/decision-instance/**"))
				.hasAnyRole(READERS)
				.anyRequest()
				.denyAll())
			.addFilterBefore(new CrossSiteBasicGuard(), BasicAuthenticationFilter.class)
			.addFilterBefore(SignInThrottleFilter.httpBasic(throttle, clock), BasicAuthenticationFilter.class)
			.headers(SecurityHeaders.with(SecurityHeaders.API_POLICY))
			.addFilterAfter(new ExpressionQueryGuard(json), AuthorizationFilter.class);
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain camundaWebapps(HttpSecurity http, ObjectMapper json, UserAccounts accounts) throws Exception {
		http.securityMatcher(PATHS.matcher("/camunda/**"))
			// the webapps guard their own API with Camunda's CSRF prevention filter; its
			// token is
			// checked here first, since Camunda's filter ends the (shared) session on a
			// wrong one
			.csrf(AbstractHttpConfigurer::disable)
			.authorizeHttpRequests(
					requests -> requests.requestMatchers(TASKLIST).denyAll().anyRequest().hasRole(Role.ADMIN.name()))
			.exceptionHandling(errors -> errors
				.defaultAuthenticationEntryPointFor(unauthorized(), PATHS.matcher("/camunda/api/**"))
				.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
						AnyRequestMatcher.INSTANCE)
				.accessDeniedHandler(tasklistGoneElseForbidden()))
			.addFilterBefore(new WithdrawnAccountFilter(accounts), AuthorizationFilter.class)
			.addFilterAfter(new ExpressionQueryGuard(json), AuthorizationFilter.class)
			.addFilterAfter(new CamundaCsrfGuard(), ExpressionQueryGuard.class)
			.headers(headers -> headers.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)));
		return http.build();
	}

	/** After Spring Security: the engine learns who the request's user is. */
	@Bean
	FilterRegistrationBean<EngineIdentityFilter> engineIdentityFilter(IdentityService identity) {
		FilterRegistrationBean<EngineIdentityFilter> registration = new FilterRegistrationBean<>(
				new EngineIdentityFilter(identity));
		registration
			.setOrder(org.springframework.boot.autoconfigure.security.SecurityProperties.DEFAULT_FILTER_ORDER + 10);
		registration.addUrlPatterns("/*");
		return registration;
	}

	/** The webapps take Spring Security's user instead of their own login form. */
	@Bean
	FilterRegistrationBean<ContainerBasedAuthenticationFilter> camundaWebappAuthentication() {
		FilterRegistrationBean<ContainerBasedAuthenticationFilter> registration = new FilterRegistrationBean<>(
				new WithoutTasklist());
		registration
			.setInitParameters(Map.of("authentication-provider", SpringSecurityWebappAuthentication.class.getName()));
		registration
			.setOrder(org.springframework.boot.autoconfigure.security.SecurityProperties.DEFAULT_FILTER_ORDER + 20);
		registration.addUrlPatterns("/camunda/app/*", "/camunda/api/*");
		return registration;
	}

	private static AuthenticationEntryPoint basicChallenge() {
		return (request, response, exception) -> {
			response.setHeader("WWW-Authenticate", "Basic realm=\"ScaleGate\"");
			ProblemResponses.write(response, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized",
					exception instanceof CredentialsExpiredException ? ApiSecurityConfiguration.ONE_TIME_PASSWORD
							: "log in with HTTP Basic as a ScaleGate user");
		};
	}

	private static AuthenticationEntryPoint unauthorized() {
		return (request, response, exception) -> ProblemResponses.write(response, HttpServletResponse.SC_UNAUTHORIZED,
				"Unauthorized", "log in to ScaleGate first");
	}

	private static AccessDeniedHandler tasklistGoneElseForbidden() {
		AccessDeniedHandler forbidden = forbidden();
		return (request, response, exception) -> {
			if (TASKLIST.matches(request)) {
				ProblemResponses.write(response, HttpServletResponse.SC_NOT_FOUND, "Not Found",
						"Camunda Tasklist is not part of ScaleGate: lifecycle tasks are signed in ScaleGate's inbox");
				return;
			}
			forbidden.handle(request, response, exception);
		};
	}

	/**
	 * Container-based authentication for the webapps without Tasklist among the user's
	 * apps, so Cockpit's and Admin's app menu and the welcome page do not offer it.
	 */
	static final class WithoutTasklist extends ContainerBasedAuthenticationFilter {

		@Override
		protected UserAuthentication createAuthentication(ProcessEngine engine, String username, List<String> groups,
				List<String> tenants) {
			UserAuthentication authentication = super.createAuthentication(engine, username, groups, tenants);
			if (authentication != null && authentication.getAuthorizedApps() != null) {
				Set<String> apps = new HashSet<>(authentication.getAuthorizedApps());
				apps.remove("tasklist");
				authentication.setAuthorizedApps(apps);
			}
			return authentication;
		}

	}

	private static AccessDeniedHandler forbidden() {
		return (request, response, exception) -> ProblemResponses.write(response, HttpServletResponse.SC_FORBIDDEN,
				"Forbidden", "your role may not use " + request.getMethod() + " " + request.getRequestURI());
	}

}
