package io.scalegate.base.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.scalegate.base.Checks;
import io.scalegate.base.InvalidInput;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses an {@code /api} query parameter whose name or value holds a control character
 * (NUL among them, which PostgreSQL refuses in any text and answers with an error) or is
 * not valid percent-encoding: 400 problem details naming the parameter. Only the query
 * string is read, never a body.
 */
@Component
class ControlCharactersInQueries extends OncePerRequestFilter {

	private final ObjectMapper json;

	ControlCharactersInQueries(ObjectMapper json) {
		this.json = json;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !request.getRequestURI().startsWith("/api/") || request.getQueryString() == null;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		for (String pair : request.getQueryString().split("&")) {
			int equals = pair.indexOf('=');
			String rawName = equals < 0 ? pair : pair.substring(0, equals);
			String name;
			String value;
			try {
				name = URLDecoder.decode(rawName, StandardCharsets.UTF_8);
				value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
			}
			catch (IllegalArgumentException malformed) {
				refuse(response, new InvalidInput(rawName, "is not valid percent-encoding"));
				return;
			}
			if (Checks.hasControlCharacter(name) || Checks.hasControlCharacter(value)) {
				refuse(response, new InvalidInput(Checks.hasControlCharacter(name) ? "query" : name,
						"must not contain control characters (other than tabs and line breaks)"));
				return;
			}
		}
		chain.doFilter(request, response);
	}

	private void refuse(HttpServletResponse response, InvalidInput invalid) throws IOException {
		ApiProblems.write(response, json, ApiProblems.problem(invalid));
	}

}
