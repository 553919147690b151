package io.scalegate.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses any request to Camunda's REST API or to the webapps' API that carries an
 * expression ({@code ${…}} or {@code #{…}}) in a query parameter or anywhere in a JSON
 * body, {@code orQueries} included. Camunda 7 evaluates expressions in task queries on
 * the server, and CE 7.24 gets no more security fixes, so nothing of the kind reaches the
 * engine. Model uploads (multipart) are not JSON and pass: their expressions are the
 * model's own and are validated on deployment.
 */
class ExpressionQueryGuard extends OncePerRequestFilter {

	static final int MAX_JSON_BODY = 1024 * 1024;

	private final ObjectMapper json;

	ExpressionQueryGuard(ObjectMapper json) {
		this.json = json;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String query = request.getQueryString();
		String decoded;
		try {
			decoded = query == null ? null : URLDecoder.decode(query.replace("+", "%2B"), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException malformed) {
			ProblemResponses.write(response, HttpServletResponse.SC_BAD_REQUEST, "Malformed query",
					"the query string is not valid percent-encoding (a '%' must be followed by two hex digits)");
			return;
		}
		if (decoded != null && hasExpression(decoded)) {
			refuse(response,
					"a query parameter carries an expression (${...} or #{...}); expressions in queries are not allowed");
			return;
		}
		if (isJson(request)) {
			byte[] body = request.getInputStream().readNBytes(MAX_JSON_BODY + 1);
			if (body.length > MAX_JSON_BODY) {
				response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
				return;
			}
			if (body.length > 0 && hasExpression(body)) {
				refuse(response,
						"the JSON body carries an expression (${...} or #{...}); expressions in queries are not allowed");
				return;
			}
			chain.doFilter(new CachedBody(request, body), response);
			return;
		}
		chain.doFilter(request, response);
	}

	private boolean hasExpression(byte[] body) {
		try {
			return hasExpression(json.readTree(body));
		}
		catch (IOException notJson) {
			return hasExpression(new String(body, StandardCharsets.UTF_8));
		}
	}

	private static boolean hasExpression(JsonNode node) {
		if (node == null) {
			return false;
		}
		if (node.isTextual()) {
			return hasExpression(node.textValue());
		}
		if (node.isObject()) {
			for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext();) {
				Map.Entry<String, JsonNode> field = fields.next();
				if (hasExpression(field.getKey()) || hasExpression(field.getValue())) {
					return true;
				}
			}
		}
		if (node.isArray()) {
			for (JsonNode element : node) {
				if (hasExpression(element)) {
					return true;
				}
			}
		}
		return false;
	}

	static boolean hasExpression(String text) {
		return text.contains("${") || text.contains("#{");
	}

	private static boolean isJson(HttpServletRequest request) {
		String type = request.getContentType();
		if (type == null) {
			return false;
		}
		try {
			MediaType mediaType = MediaType.parseMediaType(type);
			return mediaType.isCompatibleWith(MediaType.APPLICATION_JSON) || mediaType.getSubtype().endsWith("+json");
		}
		catch (IllegalArgumentException unparsable) {
			return false;
		}
	}

	private static void refuse(HttpServletResponse response, String detail) throws IOException {
		ProblemResponses.write(response, HttpServletResponse.SC_BAD_REQUEST, "Expression refused", detail);
	}

	/** The request with its already-read body served again to the engine. */
	private static final class CachedBody extends HttpServletRequestWrapper {

		private final byte[] body;

		CachedBody(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream in = new ByteArrayInputStream(body);
			return new ServletInputStream() {
				@Override
				public int read() {
					return in.read();
				}

				@Override
				public int read(byte[] b, int off, int len) {
					return in.read(b, off, len);
				}

				@Override
				public boolean isFinished() {
					return in.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException("synchronous reads only");
				}
			};
		}

		@Override
		public int getContentLength() {
			return body.length;
		}

		@Override
		public long getContentLengthLong() {
			return body.length;
		}

	}

}
