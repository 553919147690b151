package io.scalegate.base.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.scalegate.ScaleGateTest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code Idempotency-Key}s expire after {@code scalegate.idempotency.kept-for} (24
 * hours): a key older than that is new again, and the cleanup removes expired keys and
 * keeps the others.
 */
@ScaleGateTest
class IdempotencyExpiryPersistenceTest {

	@Autowired
	Idempotency idempotency;

	@Autowired
	IdempotencyProperties properties;

	@Autowired
	JdbcClient jdbc;

	void keep(String key, Instant at) {
		jdbc.sql("""
				insert into idempotent_request (caller, request_key, request_hash, status, response_body, created_at)
				values ('expiry-test', ?, 'an older request', 201, '{}', ?)""")
			.params(key, Timestamp.from(at))
			.update();
	}

	long kept(String key) {
		return jdbc.sql("select count(*) from idempotent_request where caller = 'expiry-test' and request_key = ?")
			.param(key)
			.query(Long.class)
			.single();
	}

	@Test
	void keysAreKeptForADayByDefault() {
		assertThat(properties.keptFor()).isEqualTo(Duration.ofHours(24));
	}

	@Test
	void aKeyOlderThanItsRetentionIsNewAgain() {
		String key = UUID.randomUUID().toString();
		keep(key, Instant.now().minus(properties.keptFor()).minusSeconds(60));

		ResponseEntity<?> answer = idempotency.once("expiry-test", key, "another request",
				() -> ResponseEntity.status(201).body(Map.of("written", true)));

		assertThat(answer.getStatusCode().value()).isEqualTo(201);
		assertThat(answer.getHeaders().containsKey(Idempotency.REPLAYED)).isFalse();
		assertThat(idempotency
			.once("expiry-test", key, "another request",
					() -> ResponseEntity.status(201).body(Map.of("written", "twice")))
			.getHeaders()
			.getFirst(Idempotency.REPLAYED)).isEqualTo("true");
	}

	@Test
	void theCleanupRemovesExpiredKeysOnly() {
		String old = UUID.randomUUID().toString();
		String recent = UUID.randomUUID().toString();
		keep(old, Instant.now().minus(properties.keptFor()).minusSeconds(60));
		keep(recent, Instant.now().minus(properties.keptFor()).plusSeconds(600));

		assertThat(idempotency.expire()).isGreaterThanOrEqualTo(1);

		assertThat(kept(old)).isZero();
		assertThat(kept(recent)).isEqualTo(1);
	}

}
