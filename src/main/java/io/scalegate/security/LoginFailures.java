package io.scalegate.security;

import java.time.Clock;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Spring Security's authentication failures and successes, told to the
 * {@link SignInThrottle} with the client's address and no secret: a bearer token's "name"
 * is its secret, so it is kept as "api token" and not counted against an account. A
 * success is kept as the account's last login.
 */
@Component
class LoginFailures {

	private final SignInThrottle throttle;

	private final UserAccounts accounts;

	private final Clock clock;

	LoginFailures(SignInThrottle throttle, UserAccounts accounts, Clock clock) {
		this.throttle = throttle;
		this.accounts = accounts;
		this.clock = clock;
	}

	@EventListener
	void on(AbstractAuthenticationFailureEvent failure) {
		Authentication attempt = failure.getAuthentication();
		boolean token = attempt instanceof BearerTokenAuthenticationToken;
		String username = attempt == null ? "unknown" : token ? "api token" : String.valueOf(attempt.getName());
		// refused while locked: kept, not counted, so the lock does not grow by itself
		boolean locked = failure.getException() instanceof LockedException;
		// a one-time password that must be replaced: it was right, so it is no failure
		// to count (docs/adr/0014)
		boolean oneTime = failure.getException() instanceof CredentialsExpiredException;
		throttle.failed(username, address(attempt), failure.getException().getClass().getSimpleName(),
				attempt != null && !token && !locked && !oneTime);
	}

	@EventListener
	void on(AuthenticationSuccessEvent success) {
		if (!(success.getAuthentication().getDetails() instanceof WebAuthenticationDetails)) {
			return;
		}
		throttle.succeeded(success.getAuthentication().getName());
		accounts.signedIn(success.getAuthentication().getName(), clock.instant());
	}

	private static String address(Authentication attempt) {
		return attempt != null && attempt.getDetails() instanceof WebAuthenticationDetails details
				? details.getRemoteAddress() : null;
	}

}
