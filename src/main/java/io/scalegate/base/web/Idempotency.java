package io.scalegate.base.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scalegate.base.InvalidInput;
import io.scalegate.base.Sha256;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code Idempotency-Key} for the API's writes: the first answer to a key is stored in
 * the transaction that wrote the record, and every repeat by the same caller gets that
 * answer back without recording anything again. Reusing a key for a different request is
 * refused (422). Keys are kept per caller.
 */
@Component
public class Idempotency {

	public static final String HEADER = "Idempotency-Key";

	static final String REPLAYED = "Idempotent-Replayed";

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	private final ObjectMapper json;

	private final Clock clock;

	Idempotency(JdbcClient jdbc, TransactionTemplate transaction, ObjectMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.transaction = transaction;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * Runs {@code write} once per {@code key}; without a key it simply runs it.
	 * {@code request} is what identifies the request (method, path and body).
	 */
	public ResponseEntity<?> once(String caller, String key, Object request, Supplier<ResponseEntity<?>> write) {
		if (key == null) {
			return transaction.execute(status -> write.get());
		}
		if (key.isBlank() || key.length() > 200) {
			throw new InvalidInput(HEADER, "must be 1 to 200 characters");
		}
		String hash = Sha256.hex(serialize(request));
		try {
			return transaction.execute(status -> stored(caller, key, hash).orElseGet(() -> {
				ResponseEntity<?> answer = write.get();
				jdbc.sql(
						"""
								insert into idempotent_request (caller, request_key, request_hash, status, response_body, created_at)
								values (:caller, :key, :hash, :status, :body, :at)""")
					.param("caller", caller)
					.param("key", key)
					.param("hash", hash)
					.param("status", answer.getStatusCode().value())
					.param("body", answer.getBody() == null ? null : serialize(answer.getBody()))
					.param("at", java.sql.Timestamp.from(clock.instant()))
					.update();
				return answer;
			}));
		}
		catch (DuplicateKeyException concurrentRepeat) {
			return stored(caller, key, hash).orElseThrow(() -> concurrentRepeat);
		}
	}

	private Optional<ResponseEntity<?>> stored(String caller, String key, String hash) {
		return jdbc.sql(
				"select request_hash, status, response_body from idempotent_request where caller = :caller and request_key = :key")
			.param("caller", caller)
			.param("key", key)
			.query((rs, n) -> {
				if (!rs.getString(1).equals(hash)) {
					ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY,
							HEADER + " " + key + " was used before for a different request; use a new key");
					problem.setTitle("Idempotency key reused");
					return (ResponseEntity<?>) ResponseEntity.unprocessableEntity()
						.contentType(MediaType.APPLICATION_PROBLEM_JSON)
						.body(problem);
				}
				return (ResponseEntity<?>) ResponseEntity.status(rs.getInt(2))
					.header(REPLAYED, "true")
					.contentType(MediaType.APPLICATION_JSON)
					.body(rs.getString(3));
			})
			.optional();
	}

	private String serialize(Object value) {
		try {
			return json.writeValueAsString(value);
		}
		catch (JsonProcessingException e) {
			throw new IllegalStateException("cannot serialize " + value.getClass(), e);
		}
	}

}
