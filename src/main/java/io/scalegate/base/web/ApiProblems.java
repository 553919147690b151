package io.scalegate.base.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.scalegate.base.Conflict;
import io.scalegate.base.InvalidInput;
import io.scalegate.base.NotFound;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The one place that turns a client's mistake on {@code /api} into RFC 7807 problem
 * details: 400 with an {@code errors} list naming each wrong field ({@link InvalidInput},
 * unreadable JSON, a value of the wrong type), 404 for an unknown product, 409 when a
 * concurrent request won a race ({@link Conflict}: a duplicate key, an optimistic lock of
 * ScaleGate's or the engine's, a lock timeout or deadlock, whatever wrapped it, with
 * {@code Retry-After} when retrying may succeed). Framework errors keep Spring's own
 * problem details.
 */
@RestControllerAdvice(basePackages = "io.scalegate")
class ApiProblems extends ResponseEntityExceptionHandler {

	static final URI INVALID_INPUT = URI.create("https://scalegate.io/problems/invalid-input");

	static final URI NOT_FOUND = URI.create("https://scalegate.io/problems/not-found");

	static final URI CONFLICT = URI.create("https://scalegate.io/problems/conflict");

	/** Seconds a client waits before sending a request again that lost a lock race. */
	static final String RETRY_AFTER_SECONDS = "1";

	@ExceptionHandler(InvalidInput.class)
	ResponseEntity<ProblemDetail> invalid(InvalidInput invalid) {
		if (invalid instanceof Conflict conflict) {
			return conflict(conflict);
		}
		return problem(invalid);
	}

	/** 400 naming each wrong field, or 404 for something unknown. */
	static ResponseEntity<ProblemDetail> problem(InvalidInput invalid) {
		NotFound notFound = invalid instanceof NotFound unknown ? unknown : null;
		HttpStatus status = notFound != null ? HttpStatus.NOT_FOUND : HttpStatus.BAD_REQUEST;
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, invalid.getMessage());
		problem.setType(notFound != null ? NOT_FOUND : INVALID_INPUT);
		problem.setTitle(notFound != null ? "Unknown " + notFound.what() : "Invalid input");
		problem.setProperty("errors", errors(invalid.problems()));
		return ResponseEntity.status(status).body(problem);
	}

	/**
	 * Any other exception that reached a controller: a collision of concurrent writers,
	 * however deeply wrapped ({@code DbActionExecutionException}, the engine's
	 * exceptions), is a 409; anything else goes on as it was (security exceptions to
	 * their filters, the rest to Spring's error handling).
	 */
	@ExceptionHandler(RuntimeException.class)
	ResponseEntity<ProblemDetail> collision(RuntimeException thrown) {
		Conflict conflict = Conflict.of(thrown);
		if (conflict == null) {
			throw thrown;
		}
		return conflict(conflict);
	}

	static ResponseEntity<ProblemDetail> conflict(Conflict conflict) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, conflict.getMessage());
		problem.setType(CONFLICT);
		problem.setTitle("Conflict with a concurrent request");
		problem.setProperty("errors", errors(conflict.problems()));
		ResponseEntity.BodyBuilder answer = ResponseEntity.status(HttpStatus.CONFLICT);
		if (conflict.retry()) {
			answer.header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
		}
		return answer.body(problem);
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<ProblemDetail> wrongParameter(MethodArgumentTypeMismatchException mismatch) {
		return invalid(new InvalidInput(mismatch.getName(),
				"cannot read '" + mismatch.getValue() + "'" + expected(mismatch.getRequiredType())));
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException unreadable,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		InvalidInput invalid;
		if (unreadable.getCause() instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
			String field = path(mismatch);
			Object value = mismatch instanceof InvalidFormatException format ? format.getValue() : null;
			invalid = new InvalidInput(field, (value == null ? "has the wrong type" : "cannot read '" + value + "'")
					+ expected(mismatch.getTargetType()));
		}
		else if (unreadable.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
			invalid = new InvalidInput(path(mapping), "cannot be read: " + mapping.getOriginalMessage());
		}
		else {
			invalid = new InvalidInput("body", "is not a JSON object of the documented shape"
					+ (unreadable.getCause() == null ? "" : ": " + firstLine(unreadable.getCause().getMessage())));
		}
		return ResponseEntity.badRequest().body(invalid(invalid).getBody());
	}

	private static List<Map<String, String>> errors(List<InvalidInput.FieldProblem> problems) {
		return problems.stream().map(p -> Map.of("field", p.field(), "message", p.message())).toList();
	}

	private static String path(JsonMappingException mapping) {
		return mapping.getPath()
			.stream()
			.map(reference -> reference.getFieldName() != null ? reference.getFieldName()
					: "[" + reference.getIndex() + "]")
			.collect(Collectors.joining("."))
			.replace(".[", "[");
	}

	private static String expected(Class<?> type) {
		if (type == null) {
			return "";
		}
		if (type.isEnum()) {
			return ": expected one of " + java.util.Arrays.toString(type.getEnumConstants());
		}
		if (type == java.time.LocalDate.class) {
			return ": expected a date like 2026-11-25";
		}
		if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
			return ": expected a number";
		}
		if (type == Boolean.class || type == boolean.class) {
			return ": expected true or false";
		}
		return ": expected " + type.getSimpleName();
	}

	static String firstLine(String text) {
		if (text == null) {
			return "";
		}
		int end = text.indexOf('\n');
		String line = end < 0 ? text : text.substring(0, end);
		return line.length() > 200 ? line.substring(0, 200) : line;
	}

	/** Writes a problem from a filter, where no controller advice applies. */
	static void write(HttpServletResponse response, ObjectMapper json, ResponseEntity<ProblemDetail> problem)
			throws IOException {
		response.setStatus(problem.getStatusCode().value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		json.writeValue(response.getOutputStream(), problem.getBody());
	}

}
