package io.scalegate.security;

import com.vaadin.flow.spring.security.RequestUtil;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import io.scalegate.base.ui.LoginView;
import jakarta.servlet.DispatcherType;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;

/**
 * The Vaadin UI: form login at /login; each view declares the roles that may open it. The
 * login form takes a CSRF token like every other form (Vaadin's configurer would exempt
 * /login, which lets another site sign a browser in as the attacker: login CSRF); only
 * Vaadin's own requests, which carry its own token, are exempt. Sign-ins are throttled
 * ({@link SignInThrottle}). A sign-in with a one-time password goes to
 * {@code /login/new-password}, where its owner must choose their own password first; a
 * session whose account was disabled or reset since ends
 * ({@link WithdrawnAccountFilter}). Where single sign-on is configured, the company login
 * (OpenID Connect, {@link SsoUserService}) beside it.
 */
@Configuration(proxyBeanMethods = false)
class UiSecurityConfiguration {

	@Bean
	@Order(10)
	SecurityFilterChain ui(HttpSecurity http, RequestUtil vaadinRequests, SignInThrottle throttle, Clock clock,
			UserAccounts accounts, ObjectProvider<ClientRegistrationRepository> sso, SsoUserService ssoUsers)
			throws Exception {
		http.authorizeHttpRequests(requests -> requests.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll());
		http.with(VaadinSecurityConfigurer.vaadin(),
				vaadin -> vaadin.loginView(LoginView.class).enableCsrfConfiguration(false));
		http.csrf(csrf -> csrf.ignoringRequestMatchers(vaadinRequests::isFrameworkInternalRequest));
		http.formLogin(form -> form.failureHandler((request, response, failure) -> {
			if (failure instanceof CredentialsExpiredException) {
				// the right one-time password: its owner chooses their own first
				// (docs/adr/0014)
				String username = request.getParameter("username");
				response.sendRedirect(request.getContextPath() + "/login/new-password?username="
						+ URLEncoder.encode(username == null ? "" : username, StandardCharsets.UTF_8));
				return;
			}
			String locked = throttle.lockedUntil(request.getParameter("username"), request.getRemoteAddr())
				.map(until -> "locked=" + until.getEpochSecond())
				.orElse("error");
			response.sendRedirect(request.getContextPath() + "/login?" + locked);
		}));
		if (sso.getIfAvailable() != null) {
			// the company login (docs/adr/0015): /oauth2/authorization/sso, back at
			// /login/oauth2/code/sso;
			// a refusal goes to the login page with its reason's code
			http.oauth2Login(oidc -> oidc.loginPage("/login")
				.userInfoEndpoint(userInfo -> userInfo.oidcUserService(ssoUsers))
				.failureHandler((request, response, failure) -> response
					.sendRedirect(request.getContextPath() + "/login?sso=" + refusalCode(failure))));
		}
		http.addFilterBefore(SignInThrottleFilter.formLogin(throttle, clock),
				UsernamePasswordAuthenticationFilter.class);
		http.addFilterBefore(new WithdrawnAccountFilter(accounts), AuthorizationFilter.class);
		http.headers(SecurityHeaders.with(SecurityHeaders.UI_POLICY));
		return http.build();
	}

	private static String refusalCode(AuthenticationException failure) {
		if (failure instanceof OAuth2AuthenticationException oauth) {
			for (SsoRefused.Reason reason : SsoRefused.Reason.values()) {
				if (reason.code().equals(oauth.getError().getErrorCode())) {
					return reason.code();
				}
			}
		}
		return "failed";
	}

}
