package io.scalegate.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Checks the Camunda webapps' CSRF token before Camunda's own
 * {@code CsrfPreventionFilter} does: that filter invalidates the HTTP session on a
 * missing or wrong token, and the session is ScaleGate's too, so a cross-site POST to
 * {@code /camunda/api/...} would log the administrator out of ScaleGate. Here such a
 * request gets 403 and the session stays. The token is the one Camunda's filter keeps in
 * the session ({@code CAMUNDA_CSRF_TOKEN}) and its pages send as {@code X-XSRF-TOKEN}.
 */
final class CamundaCsrfGuard extends OncePerRequestFilter {

	static final String SESSION_TOKEN = "CAMUNDA_CSRF_TOKEN";

	static final String HEADER = "X-XSRF-TOKEN";

	private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!SAFE.contains(request.getMethod()) && !tokenMatches(request)) {
			response.setHeader(HEADER, "Required");
			ProblemResponses.write(response, HttpServletResponse.SC_FORBIDDEN, "Forbidden",
					"missing or wrong CSRF token (" + HEADER + ") for Camunda's webapps");
			return;
		}
		chain.doFilter(request, response);
	}

	private static boolean tokenMatches(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		Object expected = session == null ? null : session.getAttribute(SESSION_TOKEN);
		String given = request.getHeader(HEADER);
		return expected instanceof String token && given != null && !given.isBlank() && MessageDigest
			.isEqual(token.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
	}

}
