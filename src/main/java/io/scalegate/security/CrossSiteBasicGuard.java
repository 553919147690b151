package io.scalegate.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * HTTP Basic is refused on a request a browser makes for another site's page: a browser
 * sends the Basic credentials it remembers with any request to ScaleGate, so a page
 * elsewhere could post a form or a {@code multipart/form-data} draft deployment with
 * them. Such a request says where it comes from: {@code Sec-Fetch-Site} is
 * {@code cross-site} or {@code same-site}, or {@code Origin} is not ScaleGate's own.
 * curl, CI jobs and other programs send neither and keep using Basic; API tokens are not
 * affected (a browser never adds them by itself).
 */
final class CrossSiteBasicGuard extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String authorization = request.getHeader("Authorization");
		if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6) && fromAnotherSite(request)) {
			ProblemResponses.write(response, HttpServletResponse.SC_FORBIDDEN, "Forbidden",
					"HTTP Basic is not accepted from another site's page: call from a program, or use an API token");
			return;
		}
		chain.doFilter(request, response);
	}

	static boolean fromAnotherSite(HttpServletRequest request) {
		String site = request.getHeader("Sec-Fetch-Site");
		if (site != null) {
			String value = site.toLowerCase(Locale.ROOT);
			if (value.equals("cross-site") || value.equals("same-site")) {
				return true;
			}
		}
		String origin = request.getHeader("Origin");
		return origin != null && !origin.equalsIgnoreCase(ownOrigin(request));
	}

	private static String ownOrigin(HttpServletRequest request) {
		String scheme = request.getScheme();
		int port = request.getServerPort();
		boolean defaultPort = ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
		return scheme + "://" + request.getServerName() + (defaultPort ? "" : ":" + port);
	}

}
