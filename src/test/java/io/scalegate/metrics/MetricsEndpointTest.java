package io.scalegate.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.scalegate.ScaleGateTest;
import io.scalegate.gate.process.Lifecycles;
import io.scalegate.product.Product;
import io.scalegate.security.ApiTokens;
import io.scalegate.security.Role;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * {@code /actuator/prometheus} answers an administrator's scraper (API token as bearer,
 * or HTTP Basic) and nobody else; health stays open, every other actuator path closed.
 * What it answers: Spring Boot's figures (HTTP, JVM, pool) and ScaleGate's own, after a
 * real gate evaluation and a failed sign-in.
 */
@ScaleGateTest
class MetricsEndpointTest {

	@LocalServerPort
	int port;

	@Autowired
	ApiTokens tokens;

	@Autowired
	Lifecycles lifecycles;

	@Autowired
	DatabaseFigures figures;

	@Autowired
	MeterRegistry registry;

	final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();

	@Test
	void onlyAnAdministratorScrapes() throws Exception {
		assertThat(get("/actuator/prometheus", null).statusCode()).isEqualTo(401);
		assertThat(get("/actuator/prometheus", basic("auditor", "demo")).statusCode()).isEqualTo(403);
		assertThat(get("/actuator/prometheus", bearer(Role.AUDITOR)).statusCode()).isEqualTo(403);
		assertThat(get("/actuator/prometheus", bearer(Role.GATEKEEPER)).statusCode()).isEqualTo(403);

		HttpResponse<String> byToken = get("/actuator/prometheus", bearer(Role.ADMIN));
		assertThat(byToken.statusCode()).isEqualTo(200);
		assertThat(byToken.headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
		assertThat(byToken.headers().firstValue("Set-Cookie")).as("stateless: no session for a scraper").isEmpty();
		assertThat(get("/actuator/prometheus", basic("admin", "demo")).statusCode()).isEqualTo(200);
	}

	@Test
	void healthAndProbesStayOpenAndEverythingElseClosed() throws Exception {
		for (String open : new String[] { "/actuator/health", "/actuator/health/readiness",
				"/actuator/health/liveness" }) {
			HttpResponse<String> health = get(open, null);
			assertThat(health.statusCode()).as(open).isEqualTo(200);
			assertThat(health.body()).as(open).contains("\"UP\"").doesNotContain("details");
		}
		String admin = bearer(Role.ADMIN);
		for (String closed : new String[] { "/actuator", "/actuator/metrics", "/actuator/env", "/actuator/beans",
				"/actuator/heapdump", "/actuator/loggers", "/actuator/shutdown" }) {
			assertThat(get(closed, null).statusCode()).as(closed + " anonymous").isEqualTo(401);
			assertThat(get(closed, admin).statusCode()).as(closed + " administrator").isEqualTo(403);
		}
	}

	@Test
	void aScrapeShowsSpringBootsFiguresAndScaleGatesOwn() throws Exception {
		double evaluationsBefore = evaluations();
		Product product = lifecycles.aProductReadyForGate2(false);
		lifecycles.passGate1(product);
		lifecycles.signAllReadiness(product);
		assertThat(evaluations()).as("the gate evaluated once").isEqualTo(evaluationsBefore + 1);
		figures.refresh();

		String scrape = get("/actuator/prometheus", bearer(Role.ADMIN)).body();

		assertThat(scrape).contains("scalegate_gate_evaluations_total{application=\"scalegate\",recommendation=")
			.contains("scalegate_gate_decisions_total{")
			.contains("http_server_requests_seconds_count{")
			.contains("jvm_memory_used_bytes{")
			.contains("hikaricp_connections{")
			.contains("jdbc_connections_active{")
			.contains("scalegate_jobs_due{")
			.contains("scalegate_jobs_failed{")
			.contains("scalegate_incidents_open{")
			.contains("scalegate_engine_job_events_total{")
			.contains("scalegate_login_failures_total{")
			.contains("scalegate_tasks_overdue{");
		assertThat(scrape)
			.containsPattern("scalegate_tasks_open\\{application=\"scalegate\",task=\"gateReview\"} [1-9]");
		assertThat(scrape).containsPattern("scalegate_audit_chain_length\\{application=\"scalegate\"} [1-9]");
		assertThat(scrape).doesNotContain("scalegate_audit_chain_length{application=\"scalegate\"} NaN");
		assertThat(scrape).containsPattern("scalegate_audit_unsealed\\{application=\"scalegate\"} [0-9]")
			.containsPattern("scalegate_audit_seal_lag_seconds\\{application=\"scalegate\"} [0-9]");
	}

	@Test
	void aWrongPasswordCountsAsAFailedLogin() throws Exception {
		double before = loginFailures();

		assertThat(get("/actuator/prometheus", basic("owner2", "wrong-" + UUID.randomUUID())).statusCode())
			.isEqualTo(401);

		assertThat(loginFailures()).isEqualTo(before + 1);
		assertThat(get("/actuator/prometheus", bearer(Role.ADMIN)).body()).contains(
				"scalegate_login_failures_total{application=\"scalegate\",method=\"password\",reason=\"bad_credentials\"}");
	}

	@Test
	void anUnknownTokenCountsAsAFailedLoginByToken() throws Exception {
		double before = loginFailures("token");

		assertThat(get("/actuator/prometheus", "Bearer sgt_" + UUID.randomUUID()).statusCode()).isEqualTo(401);

		assertThat(loginFailures("token")).isEqualTo(before + 1);
	}

	private double loginFailures(String method) {
		return registry.find("scalegate.login.failures")
			.tag("method", method)
			.counters()
			.stream()
			.mapToDouble(c -> c.count())
			.sum();
	}

	private double evaluations() {
		return registry.find("scalegate.gate.evaluations").counters().stream().mapToDouble(c -> c.count()).sum();
	}

	private double loginFailures() {
		return registry.find("scalegate.login.failures")
			.tag("method", "password")
			.tag("reason", "bad_credentials")
			.counters()
			.stream()
			.mapToDouble(c -> c.count())
			.sum();
	}

	private String bearer(Role role) {
		return "Bearer "
				+ tokens.issue("metrics-" + UUID.randomUUID().toString().substring(0, 8), role, "admin").secret();
	}

	private static String basic(String user, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	HttpResponse<String> get(String path, String authorization) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.timeout(Duration.ofSeconds(60));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return http.send(request.build(), BodyHandlers.ofString());
	}

}
