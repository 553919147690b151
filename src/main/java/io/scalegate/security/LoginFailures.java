package io.scalegate.security;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * Tells of Spring Security's authentication failures as {@link LoginFailed}, with no
 * secret in them.
 */
@Component
class LoginFailures {

	private final ApplicationEventPublisher events;

	LoginFailures(ApplicationEventPublisher events) {
		this.events = events;
	}

	@EventListener
	void on(AbstractAuthenticationFailureEvent failure) {
		// a bearer token's "name" is its secret: never written anywhere
		String name = failure.getAuthentication() == null ? "unknown"
				: failure.getAuthentication() instanceof BearerTokenAuthenticationToken ? "api token"
						: String.valueOf(failure.getAuthentication().getName());
		String username = name.length() > 100 ? name.substring(0, 100) : name;
		events.publishEvent(new LoginFailed(username, failure.getException().getClass().getSimpleName()));
	}

}
