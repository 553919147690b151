package io.scalegate.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.OptionalLong;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a browser session whose account an administrator disabled, whose password was
 * reset or whose roles were changed since it signed in (docs/adr/0014): the next request
 * finds the session gone and goes to the login, also when the account was enabled again
 * meanwhile (the session remembers the account's session epoch it began under). Spring
 * Security would otherwise keep the session, and its roles, as they were at sign-in. One
 * lookup by primary key per request with a session.
 */
final class WithdrawnAccountFilter extends OncePerRequestFilter {

	static final String EPOCH = WithdrawnAccountFilter.class.getName() + ".epoch";

	private final UserAccounts accounts;

	WithdrawnAccountFilter(UserAccounts accounts) {
		this.accounts = accounts;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		HttpSession session = request.getSession(false);
		Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
		if (session != null && signedIn != null && signedIn.isAuthenticated()
				&& !(signedIn instanceof AnonymousAuthenticationToken)) {
			OptionalLong epoch = accounts.sessionEpoch(signedIn.getName());
			Object began = session.getAttribute(EPOCH);
			if (epoch.isEmpty() || began instanceof Long known && known != epoch.getAsLong()) {
				SecurityContextHolder.clearContext();
				session.invalidate();
				response.sendRedirect(request.getContextPath() + "/login");
				return;
			}
			if (began == null) {
				session.setAttribute(EPOCH, epoch.getAsLong());
			}
		}
		chain.doFilter(request, response);
	}

}
