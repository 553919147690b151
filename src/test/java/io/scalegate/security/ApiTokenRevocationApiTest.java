package io.scalegate.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.scalegate.ScaleGateTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A revocation is never undone by a use of the token at the same moment (issue 12, item
 * 8): a use writes {@code last_used_at} only, not the whole row it read before the
 * revocation. Each token is used over HTTP by several callers while an administrator
 * revokes it, all released together.
 */
@ScaleGateTest
class ApiTokenRevocationApiTest {

	static final int TOKENS = 25;

	static final int USES = 4;

	@LocalServerPort
	int port;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();

	int use(String secret) throws Exception {
		return http
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/products?size=1"))
				.header("Authorization", "Bearer " + secret)
				.timeout(Duration.ofSeconds(60))
				.build(), BodyHandlers.ofString())
			.statusCode();
	}

	@Test
	void aRevocationRacingUsesOfTheTokenStaysRevoked() throws Exception {
		String prefix = "race-" + UUID.randomUUID().toString().substring(0, 8);
		List<IssuedToken> issued = new ArrayList<>();
		for (int i = 0; i < TOKENS; i++) {
			issued.add(tokens.issue(prefix + "-" + i, Role.AUDITOR, "admin"));
		}
		ExecutorService pool = Executors.newFixedThreadPool(USES + 1);
		try {
			for (IssuedToken token : issued) {
				CountDownLatch go = new CountDownLatch(1);
				List<Future<Integer>> uses = new ArrayList<>();
				for (int u = 0; u < USES; u++) {
					uses.add(pool.submit(() -> {
						go.await();
						return use(token.secret());
					}));
				}
				Future<?> revocation = pool.submit(() -> {
					go.await();
					Thread.sleep(ThreadLocalRandom.current().nextInt(40));
					return tokens.revoke(token.token().id(), "admin");
				});
				go.countDown();
				revocation.get();
				for (Future<Integer> use : uses) {
					assertThat(use.get()).isIn(200, 401);
				}
			}
		}
		finally {
			pool.shutdownNow();
		}

		assertThat(jdbc.sql("select count(*) from api_token where name like ? and revoked_at is null")
			.param(prefix + "-%")
			.query(Long.class)
			.single()).as("tokens whose revocation was undone by a use").isZero();
		for (IssuedToken token : issued) {
			assertThat(use(token.secret())).isEqualTo(401);
		}
	}

}
