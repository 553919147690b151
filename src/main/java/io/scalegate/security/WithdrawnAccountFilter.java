package io.scalegate.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a browser session whose account an administrator disabled, or whose password was
 * reset to a one-time password, since it signed in (docs/adr/0014): the next request
 * finds the session gone and goes to the login. Spring Security would otherwise keep the
 * session as it was at sign-in. One lookup by primary key per request with a session.
 */
final class WithdrawnAccountFilter extends OncePerRequestFilter {

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
				&& !(signedIn instanceof AnonymousAuthenticationToken) && accounts.withdrawn(signedIn.getName())) {
			SecurityContextHolder.clearContext();
			session.invalidate();
			response.sendRedirect(request.getContextPath() + "/login");
			return;
		}
		chain.doFilter(request, response);
	}

}
