package io.scalegate.base.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses an {@code /api} request whose {@code Content-Type} names no one type
 * ({@code *}{@code /*}, {@code application/*}) or cannot be read: 415 problem details
 * naming the header. Spring would fail on it deep inside the body's reading, with a 500.
 */
@Component
class UnreadableContentType extends OncePerRequestFilter {

	private final ObjectMapper json;

	UnreadableContentType(ObjectMapper json) {
		this.json = json;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !request.getRequestURI().startsWith("/api/") || request.getContentType() == null;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String problem = null;
		try {
			MediaType type = MediaType.parseMediaType(request.getContentType());
			if (type.isWildcardType() || type.isWildcardSubtype()) {
				problem = "must name one type, e.g. application/json or multipart/form-data, not " + type.getType()
						+ "/" + type.getSubtype();
			}
		}
		catch (InvalidMediaTypeException unreadable) {
			problem = "cannot be read as a media type, e.g. application/json";
		}
		if (problem == null) {
			chain.doFilter(request, response);
			return;
		}
		ProblemDetail detail = ProblemDetail.forStatusAndDetail(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
				"Content-Type " + problem);
		detail.setTitle("Unsupported Media Type");
		detail.setType(ApiProblems.INVALID_INPUT);
		detail.setProperty("errors", List.of(Map.of("field", "Content-Type", "message", problem)));
		ApiProblems.write(response, json, ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).body(detail));
	}

}
