package io.scalegate.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.web.authentication.www.BasicAuthenticationConverter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a sign-in while its account or client address is locked, before the password is
 * even checked, so the right password is refused too. A form login goes back to the login
 * page with the time to retry ({@code /login?locked=<instant>}); HTTP Basic gets 429 with
 * {@code Retry-After} in seconds. The client address is the request's remote address:
 * behind a reverse proxy, {@code server.forward-headers-strategy=native} makes it the
 * proxy's X-Forwarded-For, trusted only from the proxies Tomcat considers internal.
 */
final class SignInThrottleFilter extends OncePerRequestFilter {

	private final SignInThrottle throttle;

	private final Clock clock;

	private final boolean form;

	private final BasicAuthenticationConverter basic = new BasicAuthenticationConverter();

	/**
	 * The same match as the form login's own (the decoded path): {@code /%6cogin} is a
	 * login too.
	 */
	private static final RequestMatcher LOGIN = PathPatternRequestMatcher.withDefaults()
		.matcher(HttpMethod.POST, "/login");

	private SignInThrottleFilter(SignInThrottle throttle, Clock clock, boolean form) {
		this.throttle = throttle;
		this.clock = clock;
		this.form = form;
	}

	/** For the form login: POST /login. */
	static SignInThrottleFilter formLogin(SignInThrottle throttle, Clock clock) {
		return new SignInThrottleFilter(throttle, clock, true);
	}

	/** For HTTP Basic: any request with {@code Authorization: Basic}. */
	static SignInThrottleFilter httpBasic(SignInThrottle throttle, Clock clock) {
		return new SignInThrottleFilter(throttle, clock, false);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String username = form ? formUsername(request) : basicUsername(request);
		if (username != null) {
			Optional<Instant> locked = throttle.lockedUntil(username, request.getRemoteAddr());
			if (locked.isPresent()) {
				throttle.failed(username, request.getRemoteAddr(), "Locked", false);
				refuse(request, response, locked.get());
				return;
			}
		}
		chain.doFilter(request, response);
	}

	private void refuse(HttpServletRequest request, HttpServletResponse response, Instant until) throws IOException {
		if (form) {
			response.sendRedirect(request.getContextPath() + "/login?locked=" + until.getEpochSecond());
			return;
		}
		long seconds = Math.max(1, Duration.between(clock.instant(), until).toSeconds() + 1);
		response.setHeader("Retry-After", Long.toString(seconds));
		ProblemResponses.write(response, 429, "Too Many Requests",
				"too many failed sign-ins for this account or address: try again after " + until + " (in " + seconds
						+ " s), or ask an administrator to unlock it");
	}

	private static String formUsername(HttpServletRequest request) {
		return LOGIN.matches(request) ? request.getParameter("username") : null;
	}

	private String basicUsername(HttpServletRequest request) {
		try {
			UsernamePasswordAuthenticationToken credentials = basic.convert(request);
			return credentials == null ? null : credentials.getName();
		}
		catch (BadCredentialsException malformed) {
			return null;
		}
	}

}
