package io.scalegate.base.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scalegate.base.Conflict;
import io.scalegate.base.InvalidInput;
import io.scalegate.base.Sha256;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
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
 * refused (422). Keys are kept per caller, for {@link IdempotencyProperties#keptFor()}
 * (24 hours unless configured); after that a key may be used again.
 * <p>
 * Racing repeats: the key is claimed (its row inserted) before the write, in the write's
 * transaction, so a second request with the same key waits on the first one's row lock
 * (PostgreSQL) and then replays its answer; if the database gives up waiting (H2's lock
 * timeout) the answer is 409 with {@code Retry-After}. Never a second record, never a
 * 500.
 */
@Component
public class Idempotency {

	public static final String HEADER = "Idempotency-Key";

	static final String REPLAYED = "Idempotent-Replayed";

	/** The status of a claimed key whose write has not finished (never committed). */
	private static final int IN_PROGRESS = 0;

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	private final ObjectMapper json;

	private final Clock clock;

	private final IdempotencyProperties properties;

	Idempotency(JdbcClient jdbc, TransactionTemplate transaction, ObjectMapper json, Clock clock,
			IdempotencyProperties properties) {
		this.jdbc = jdbc;
		this.transaction = transaction;
		this.json = json;
		this.clock = clock;
		this.properties = properties;
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
				claim(caller, key, hash);
				ResponseEntity<?> answer = write.get();
				jdbc.sql("""
						update idempotent_request set status = :status, response_body = :body
						where caller = :caller and request_key = :key""")
					.param("caller", caller)
					.param("key", key)
					.param("status", answer.getStatusCode().value())
					.param("body", answer.getBody() == null ? null : serialize(answer.getBody()))
					.update();
				return answer;
			}));
		}
		catch (RuntimeException failed) {
			if (Conflict.of(failed) == null) {
				throw failed;
			}
			// a repeat that raced the first request with this key: once that one has
			// committed, its answer is the answer; the write's own collisions stand
			Optional<ResponseEntity<?>> first = stored(caller, key, hash);
			if (first.isPresent()) {
				return first.get();
			}
			if (mentionsKeys(failed)) {
				throw new Conflict(HEADER, "a request with " + HEADER + " " + key
						+ " is still in progress; send it again shortly to get its answer", true);
			}
			throw failed;
		}
	}

	/**
	 * Claims the key for this request: its row is inserted, still without an answer, and
	 * a row of the same key that expired is removed first. A concurrent claim of the same
	 * key waits for this transaction and then fails on the primary key.
	 */
	private void claim(String caller, String key, String hash) {
		jdbc.sql(
				"delete from idempotent_request where caller = :caller and request_key = :key and created_at < :before")
			.param("caller", caller)
			.param("key", key)
			.param("before", Timestamp.from(expiry()))
			.update();
		jdbc.sql("""
				insert into idempotent_request (caller, request_key, request_hash, status, response_body, created_at)
				values (:caller, :key, :hash, :status, null, :at)""")
			.param("caller", caller)
			.param("key", key)
			.param("hash", hash)
			.param("status", IN_PROGRESS)
			.param("at", Timestamp.from(clock.instant()))
			.update();
	}

	/**
	 * Whether the database's complaint is about the table of keys (the claim collided).
	 */
	private static boolean mentionsKeys(Throwable failed) {
		for (Throwable t = failed; t != null; t = t.getCause() == t ? null : t.getCause()) {
			if (t.getMessage() != null && t.getMessage().toLowerCase().contains("idempotent_request")) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Removes the keys older than {@link IdempotencyProperties#keptFor()}; returns how
	 * many.
	 */
	int expire() {
		return jdbc.sql("delete from idempotent_request where created_at < :before")
			.param("before", Timestamp.from(expiry()))
			.update();
	}

	private Instant expiry() {
		return clock.instant().minus(properties.keptFor());
	}

	private Optional<ResponseEntity<?>> stored(String caller, String key, String hash) {
		return jdbc.sql("""
				select request_hash, status, response_body from idempotent_request
				where caller = :caller and request_key = :key and created_at >= :since and status <> :inProgress""")
			.param("caller", caller)
			.param("key", key)
			.param("since", Timestamp.from(expiry()))
			.param("inProgress", IN_PROGRESS)
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
