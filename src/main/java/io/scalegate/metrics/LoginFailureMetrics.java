package io.scalegate.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * Failed sign-ins ({@code scalegate_login_failures_total{method,reason}}): by password
 * (form, HTTP Basic) or API token, and why, in the words of Spring Security's exception
 * ({@code bad_credentials}, {@code locked}, {@code disabled} ...). A right one-time
 * password that must be replaced is no failure (as for the throttle, docs/adr/0014). No
 * account names: they would make a label per person.
 */
@Component
class LoginFailureMetrics {

	private final MeterRegistry registry;

	/**
	 * The token attempt last counted: Spring Security publishes two failure events for
	 * one refused bearer token, with the same attempt (MetricsEndpointTest), which counts
	 * once.
	 */
	private final AtomicReference<Authentication> lastCounted = new AtomicReference<>();

	LoginFailureMetrics(MeterRegistry registry) {
		this.registry = registry;
		failures("password", "bad_credentials");
	}

	@EventListener
	void on(AbstractAuthenticationFailureEvent failure) {
		if (failure.getException() instanceof CredentialsExpiredException) {
			return;
		}
		boolean token = failure.getAuthentication() instanceof BearerTokenAuthenticationToken;
		// only a token attempt is kept: a refused password stays in no field
		if (token && lastCounted.getAndSet(failure.getAuthentication()) == failure.getAuthentication()) {
			return;
		}
		failures(token ? "token" : "password", reason(failure.getException().getClass().getSimpleName())).increment();
	}

	/** BadCredentialsException: bad_credentials. */
	private static String reason(String exception) {
		String name = exception.endsWith("Exception") ? exception.substring(0, exception.length() - 9) : exception;
		return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
	}

	private Counter failures(String method, String reason) {
		return Counter.builder("scalegate.login.failures")
			.description("Failed sign-ins by method (password or token) and reason")
			.tag("method", method)
			.tag("reason", reason)
			.register(registry);
	}

}
