package io.scalegate.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.scalegate.ScaleGateTest;
import io.scalegate.security.ApiTokens;
import io.scalegate.security.Role;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Load driver, not a unit test (excluded from the build): the latency of normal
 * authenticated requests (an API token reading the products and recording customer
 * feedback, which appends to the audit trail) alone, and during a burst of 200 failed
 * logins (100 by the login form, 100 by HTTP Basic, 8 attacker threads, 20 account names
 * from one address). Run: {@code ./mvnw test -Dtest=FailedLoginBurstBenchmark} (add
 * {@code -Dspring.profiles.active=postgresql-test} for PostgreSQL); results go to
 * docs/benchmarks.md.
 */
@ScaleGateTest
class FailedLoginBurstBenchmark {

	static final int CLIENTS = 2;

	static final int ALONE = 300;

	static final int BURST = 200;

	static final int ATTACKERS = 8;

	@LocalServerPort
	int port;

	@Autowired
	ApiTokens tokens;

	final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	String token;

	String partNumber;

	@Test
	void timesNormalRequestsAloneAndDuringABurstOfFailedLogins() throws Exception {
		token = tokens.issue("bench-" + UUID.randomUUID().toString().substring(0, 6), Role.ENGINEER, "admin").secret();
		partNumber = "BENCH-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		HttpResponse<String> created = send(api("/api/products").POST(BodyPublishers.ofString("""
				{"partNumber": "%s", "name": "Bench part", "customer": "Kestrel Pumps", "revision": "A",
				 "owner": "engineer", "unitCostReductionPriority": true}""".formatted(partNumber))));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		for (int warm = 0; warm < 60; warm++) {
			normal(warm);
		}
		for (int warm = 0; warm < 20; warm++) {
			failedForm("warm-" + warm);
			failedBasic("warm-" + warm);
		}

		Map<String, List<Double>> alone = normalRequests(ALONE, new AtomicBoolean(true));

		AtomicBoolean burstRunning = new AtomicBoolean(true);
		ExecutorService attackers = Executors.newFixedThreadPool(ATTACKERS);
		Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
		AtomicInteger next = new AtomicInteger();
		long burstStart = System.nanoTime();
		List<Future<?>> attacks = new ArrayList<>();
		for (int a = 0; a < ATTACKERS; a++) {
			attacks.add(attackers.submit(() -> {
				int i;
				while ((i = next.getAndIncrement()) < BURST) {
					String user = "victim" + (i % 20);
					int status = i % 2 == 0 ? failedForm(user) : failedBasic(user);
					statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
				}
				return null;
			}));
		}
		Thread watcher = new Thread(() -> {
			for (Future<?> attack : attacks) {
				try {
					attack.get();
				}
				catch (Exception e) {
					throw new IllegalStateException(e);
				}
			}
			burstRunning.set(false);
		});
		watcher.start();
		Map<String, List<Double>> during = normalRequests(Integer.MAX_VALUE, burstRunning);
		watcher.join();
		double burstSeconds = (System.nanoTime() - burstStart) / 1e9;
		attackers.shutdown();
		attackers.awaitTermination(1, TimeUnit.MINUTES);

		System.out.println("| FailedLoginBurst | " + BURST + " failed logins in "
				+ String.format("%.1f s", burstSeconds) + " | statuses " + statuses + " |");
		report("alone", alone);
		report("during burst", during);
	}

	/** Normal requests by CLIENTS threads: n each, or while {@code running}. */
	Map<String, List<Double>> normalRequests(int n, AtomicBoolean running) throws Exception {
		Map<String, List<Double>> millis = new ConcurrentHashMap<>();
		millis.put("read", Collections.synchronizedList(new ArrayList<>()));
		millis.put("write", Collections.synchronizedList(new ArrayList<>()));
		ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
		List<Future<?>> done = new ArrayList<>();
		for (int c = 0; c < CLIENTS; c++) {
			done.add(clients.submit(() -> {
				for (int i = 0; i < n / CLIENTS && running.get(); i++) {
					long t = System.nanoTime();
					normal(i);
					millis.get(i % 2 == 0 ? "read" : "write").add((System.nanoTime() - t) / 1e6);
				}
				return null;
			}));
		}
		for (Future<?> f : done) {
			f.get();
		}
		clients.shutdown();
		return millis;
	}

	void normal(int i) throws Exception {
		HttpResponse<String> response = i % 2 == 0 ? send(api("/api/products?size=20").GET())
				: send(api("/api/products/" + partNumber + "/feedback").POST(BodyPublishers.ofString("""
						{"receivedOn": "%s", "customer": "Kestrel Pumps", "rating": "POSITIVE", "summary": "bench"}"""
					.formatted(LocalDate.now().minusDays(1)))));
		assertThat(response.statusCode()).as(response.body()).isIn(200, 201);
	}

	int failedForm(String user) throws Exception {
		HttpResponse<String> page = send(request("/login").GET());
		String cookie = page.headers().firstValue("Set-Cookie").orElse("x=y").split(";")[0];
		String csrf = page.body().replaceAll("(?s).*<meta name=\"_csrf\" content=\"([^\"]+)\".*", "$1");
		return send(request("/login").header("Cookie", cookie)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(BodyPublishers.ofString("username=" + user + "&password=guess&_csrf=" + csrf))).statusCode();
	}

	int failedBasic(String user) throws Exception {
		return send(request("/api/products").header("Authorization",
				"Basic " + Base64.getEncoder().encodeToString((user + ":guess").getBytes(StandardCharsets.UTF_8))))
			.statusCode();
	}

	HttpRequest.Builder api(String path) {
		return request(path).header("Authorization", "Bearer " + token).header("Content-Type", "application/json");
	}

	HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
	}

	HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return http.send(request.build(), BodyHandlers.ofString());
	}

	static void report(String phase, Map<String, List<Double>> millis) {
		for (Map.Entry<String, List<Double>> kind : millis.entrySet()) {
			double[] sorted = kind.getValue().stream().mapToDouble(Double::doubleValue).sorted().toArray();
			if (sorted.length == 0) {
				continue;
			}
			System.out.printf("| FailedLoginBurst | %s | %s | n %d | median %.1f ms | p95 %.1f ms | max %.1f ms |%n",
					phase, kind.getKey(), sorted.length, sorted[sorted.length / 2],
					sorted[(int) Math.ceil(sorted.length * 0.95) - 1], sorted[sorted.length - 1]);
		}
	}

}
