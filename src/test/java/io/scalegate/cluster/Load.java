package io.scalegate.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Client threads that register products and record an order for each, every write with an
 * {@code Idempotency-Key}, each thread on its own node first and on the other one when
 * its node does not answer (the same key again, as a client behind a load balancer
 * would). Only writes answered 201 count as acknowledged.
 */
final class Load {

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final List<Node> nodes;

	private final String token;

	private final String run;

	private final AtomicReference<Set<Node>> down = new AtomicReference<>(Set.of());

	private volatile boolean running;

	private final List<Thread> threads = new ArrayList<>();

	final Queue<String> registered = new ConcurrentLinkedQueue<>();

	final Queue<String> ordered = new ConcurrentLinkedQueue<>();

	final Queue<String> serverErrors = new ConcurrentLinkedQueue<>();

	final AtomicInteger unanswered = new AtomicInteger();

	final AtomicInteger failedOver = new AtomicInteger();

	private final Set<String> attempted = ConcurrentHashMap.newKeySet();

	Load(List<Node> nodes, String token, String run) {
		this.nodes = nodes;
		this.token = token;
		this.run = run;
	}

	void start(int clients) {
		running = true;
		for (int i = 0; i < clients; i++) {
			int client = i;
			Thread thread = new Thread(() -> client(client), "load-" + i);
			thread.start();
			threads.add(thread);
		}
	}

	/**
	 * A node about to be killed or restarted: clients go to the others first meanwhile.
	 */
	void avoid(Set<Node> nodesDown) {
		down.set(nodesDown);
	}

	void stop() throws InterruptedException {
		running = false;
		for (Thread thread : threads) {
			thread.join();
		}
	}

	int attempts() {
		return attempted.size();
	}

	private void client(int client) {
		LocalDate month = LocalDate.now().withDayOfMonth(1);
		for (int n = 0; running; n++) {
			String partNumber = "CL-%s-%d-%05d".formatted(run, client, n);
			attempted.add(partNumber);
			String product = """
					{"partNumber": "%s", "name": "Cluster test part", "customer": "Cluster Customer",
					 "revision": "A", "owner": "engineer"}""".formatted(partNumber);
			if (write(client, "/api/products", partNumber, product)) {
				registered.add(partNumber);
				String order = """
						{"orderMonth": "%s", "quantity": 100, "customer": "Cluster Customer"}""".formatted(month);
				if (write(client, "/api/products/" + partNumber + "/orders", "order-" + partNumber, order)) {
					ordered.add(partNumber);
				}
			}
		}
	}

	/**
	 * Sends one write until it is answered 201 (true), refused for good (false) or the
	 * nodes stay away for 60 s.
	 */
	private boolean write(int client, String path, String key, String body) {
		long giveUp = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		for (int attempt = 0; System.nanoTime() < giveUp; attempt++) {
			Node node = pick(client + attempt);
			try {
				HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(node.url(path)))
					.timeout(Duration.ofSeconds(30))
					.header("Authorization", "Bearer " + token)
					.header("Content-Type", "application/json")
					.header("Idempotency-Key", key)
					.POST(HttpRequest.BodyPublishers.ofString(body))
					.build(), HttpResponse.BodyHandlers.ofString());
				int status = response.statusCode();
				if (status == 201) {
					if (attempt > 0) {
						failedOver.incrementAndGet();
					}
					return true;
				}
				if (status == 503 || status == 409 && response.headers().firstValue("Retry-After").isPresent()) {
					// a node shutting down, or the data busy: the same request again
					Thread.sleep(200);
					continue;
				}
				serverErrors.add(status + " " + path + " " + response.body());
				return false;
			}
			catch (IOException nodeAway) {
				sleep(100);
			}
			catch (InterruptedException interrupted) {
				Thread.currentThread().interrupt();
				return false;
			}
		}
		unanswered.incrementAndGet();
		return false;
	}

	private Node pick(int index) {
		Set<Node> away = down.get();
		List<Node> up = nodes.stream().filter(node -> !away.contains(node)).toList();
		List<Node> from = up.isEmpty() ? nodes : up;
		return from.get(Math.floorMod(index, from.size()));
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException interrupted) {
			Thread.currentThread().interrupt();
		}
	}

}
