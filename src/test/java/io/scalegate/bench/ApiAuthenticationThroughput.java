package io.scalegate.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;

/**
 * One client, one request after another, against a running ScaleGate (docs/benchmarks.md,
 * "Basic authentication with a cache"): {@code POST /api/products} (a new part number
 * each time) or {@code GET /api/products/{part}}, with HTTP Basic or an API token; prints
 * requests per second and the answers by status. No dependencies, run from source:
 *
 * <pre>
 * java [-Downer=user] src/test/java/io/scalegate/bench/ApiAuthenticationThroughput.java http://localhost:8120 \
 *     basic:user:password|bearer:sgt_... post|get:PART seconds [warm-up seconds]
 * </pre>
 */
public final class ApiAuthenticationThroughput {

	/** The products' owner, a PROCESS_OWNER: {@code -Downer=}, else the demo's. */
	private static final String OWNER = System.getProperty("owner", "owner");

	private ApiAuthenticationThroughput() {
	}

	public static void main(String[] args) throws Exception {
		String base = args[0];
		String authorization = authorization(args[1]);
		String what = args[2];
		Duration timed = Duration.ofSeconds(Long.parseLong(args[3]));
		Duration warmUp = Duration.ofSeconds(args.length > 4 ? Long.parseLong(args[4]) : 5);
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
		String run = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36).toUpperCase();
		int[] serial = { 0 };
		run(client, base, authorization, what, run, serial, warmUp);
		long start = System.nanoTime();
		Map<Integer, Integer> statuses = run(client, base, authorization, what, run, serial, timed);
		double seconds = (System.nanoTime() - start) / 1e9;
		int requests = statuses.values().stream().mapToInt(Integer::intValue).sum();
		System.out.printf("%s %s: %d requests in %.1f s = %.1f/s, statuses %s%n", args[1].split(":")[0], what, requests,
				seconds, requests / seconds, statuses);
	}

	private static Map<Integer, Integer> run(HttpClient client, String base, String authorization, String what,
			String run, int[] serial, Duration duration) throws Exception {
		Map<Integer, Integer> statuses = new TreeMap<>();
		long end = System.nanoTime() + duration.toNanos();
		while (System.nanoTime() < end) {
			HttpRequest.Builder request = HttpRequest.newBuilder().header("Authorization", authorization);
			if (what.equals("post")) {
				String part = "BA-" + run + "-" + (++serial[0]);
				request.uri(URI.create(base + "/api/products"))
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString("{\"partNumber\":\"" + part
							+ "\",\"name\":\"Bench part\",\"customer\":\"Bench\",\"revision\":\"A\",\"owner\":\""
							+ OWNER + "\"}"));
			}
			else {
				request.uri(URI.create(base + "/api/products/" + what.substring("get:".length()))).GET();
			}
			int status = client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
			statuses.merge(status, 1, Integer::sum);
		}
		return statuses;
	}

	private static String authorization(String credentials) {
		if (credentials.startsWith("bearer:")) {
			return "Bearer " + credentials.substring("bearer:".length());
		}
		String userAndPassword = credentials.substring("basic:".length());
		return "Basic " + Base64.getEncoder().encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8));
	}

}
