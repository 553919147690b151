package io.scalegate.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load driver for issue 17 (not a unit test; excluded from the build): clients register
 * products ({@code POST /api/products}) and record two customer orders for each
 * ({@code POST /api/products/{partNumber}/orders}, evidence an ENGINEER records) over
 * HTTP with an API token, spread over the given nodes, for a fixed time after a warm-up,
 * and count the acknowledged (2xx) writes per second. Meanwhile it samples
 * {@code pg_stat_activity} every 250 ms: how many backends wait on a lock, and how many
 * of them on the audit trail's tables ({@code audit_head}, {@code audit_pending},
 * {@code audit_entry}). System properties: {@code bench.urls} (comma-separated),
 * {@code bench.token}, {@code bench.clients} (16), {@code bench.warmup} and
 * {@code bench.seconds} (20, 60), {@code bench.db-url}, {@code bench.db-user},
 * {@code bench.db-password}, {@code bench.label}. Prints one line of results. See
 * docs/benchmarks.md, "The audit chain off the write path".
 */
public final class AuditChainLoadDriver {

	private static final String CHAIN_WAITS = """
			select count(*) filter (where wait_event_type = 'Lock'),
			       count(*) filter (where wait_event_type = 'Lock' and (query ilike '%audit_head%'
			                        or query ilike '%audit_pending%' or query ilike '%audit_entry%'))
			from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()""";

	private AuditChainLoadDriver() {
	}

	public static void main(String[] args) throws Exception {
		List<String> urls = List.of(System.getProperty("bench.urls", "http://localhost:8110").split(","));
		String token = System.getProperty("bench.token");
		int clients = Integer.getInteger("bench.clients", 16);
		int warmup = Integer.getInteger("bench.warmup", 20);
		int seconds = Integer.getInteger("bench.seconds", 60);
		String label = System.getProperty("bench.label", "run");

		HttpClient http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(10))
			.build();
		AtomicBoolean measuring = new AtomicBoolean();
		AtomicBoolean running = new AtomicBoolean(true);
		AtomicLong acknowledged = new AtomicLong();
		AtomicLong failed = new AtomicLong();
		ConcurrentLinkedQueue<Long> latenciesMicros = new ConcurrentLinkedQueue<>();
		String run = UUID.randomUUID().toString().substring(0, 8);
		ExecutorService pool = Executors.newFixedThreadPool(clients + 1);
		for (int c = 0; c < clients; c++) {
			String base = urls.get(c % urls.size());
			int client = c;
			pool.submit(() -> {
				long n = 0;
				while (running.get()) {
					String partNumber = "CH-" + run + "-" + client + "-" + n++;
					boolean registered = write(http, base + "/api/products", token, registration(partNumber), measuring,
							acknowledged, failed, latenciesMicros);
					for (int batch = 1; registered && batch <= 2 && running.get(); batch++) {
						write(http, base + "/api/products/" + partNumber + "/orders", token, order(batch), measuring,
								acknowledged, failed, latenciesMicros);
					}
				}
				return null;
			});
		}
		List<int[]> samples = Collections.synchronizedList(new ArrayList<>());
		pool.submit(() -> sample(samples, measuring, running));

		Thread.sleep(warmup * 1000L);
		measuring.set(true);
		long start = System.nanoTime();
		Thread.sleep(seconds * 1000L);
		measuring.set(false);
		double elapsed = (System.nanoTime() - start) / 1e9;
		running.set(false);
		pool.shutdown();
		pool.awaitTermination(60, TimeUnit.SECONDS);

		List<Long> sorted = new ArrayList<>(latenciesMicros);
		Collections.sort(sorted);
		long chainSamples = samples.stream().filter(s -> s[1] > 0).count();
		long lockSamples = samples.stream().filter(s -> s[0] > 0).count();
		double chainWaiters = samples.stream().mapToInt(s -> s[1]).average().orElse(0);
		System.out.printf(
				"%s: %d nodes, %d clients, %d s: %d writes acknowledged = %.1f writes/s, %d failed; latency p50 %.1f ms, p95 %.1f ms;"
						+ " samples %d: chain wait in %d (mean %.2f backends waiting on audit_head/_pending/_entry), any lock wait in %d%n",
				label, urls.size(), clients, seconds, acknowledged.get(), acknowledged.get() / elapsed, failed.get(),
				percentile(sorted, 0.50) / 1000.0, percentile(sorted, 0.95) / 1000.0, samples.size(), chainSamples,
				chainWaiters, lockSamples);
		System.exit(0);
	}

	private static boolean write(HttpClient http, String url, String token, String json, AtomicBoolean measuring,
			AtomicLong acknowledged, AtomicLong failed, ConcurrentLinkedQueue<Long> latenciesMicros) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(url))
			.timeout(Duration.ofSeconds(60))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build();
		long started = System.nanoTime();
		boolean ok;
		try {
			HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
			ok = response.statusCode() / 100 == 2;
			if (!ok && failed.get() < 5) {
				System.err.println(url + " -> " + response.statusCode() + " " + response.body());
			}
		}
		catch (Exception e) {
			ok = false;
		}
		if (measuring.get()) {
			(ok ? acknowledged : failed).incrementAndGet();
			if (ok) {
				latenciesMicros.add((System.nanoTime() - started) / 1000);
			}
		}
		return ok;
	}

	private static Void sample(List<int[]> samples, AtomicBoolean measuring, AtomicBoolean running) throws Exception {
		try (Connection db = DriverManager.getConnection(System.getProperty("bench.db-url"),
				System.getProperty("bench.db-user", "scalegate"), System.getProperty("bench.db-password", "scalegate"));
				Statement statement = db.createStatement()) {
			while (running.get()) {
				if (measuring.get()) {
					try (ResultSet rs = statement.executeQuery(CHAIN_WAITS)) {
						rs.next();
						samples.add(new int[] { rs.getInt(1), rs.getInt(2) });
					}
				}
				Thread.sleep(250);
			}
		}
		return null;
	}

	private static String registration(String partNumber) {
		return """
				{"partNumber":"%s","name":"Bench bracket","customer":"ACME","revision":"A","owner":"engineer",
				 "unitCostReductionPriority":false,"needsSupplyCoordination":false}""".formatted(partNumber);
	}

	private static String order(int n) {
		return """
				{"orderMonth":"%s","quantity":%d,"customer":"ACME"}""".formatted(LocalDate.now().withDayOfMonth(1),
				100 * n);
	}

	private static double percentile(List<Long> sorted, double p) {
		return sorted.isEmpty() ? 0 : sorted.get((int) Math.min(sorted.size() - 1, Math.floor(p * sorted.size())));
	}

}
