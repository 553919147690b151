package io.scalegate.cluster;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One ScaleGate node: the {@link NodeImage} run with {@code java -jar} in the prod
 * profile, its output in a log file under {@code target/cluster/}.
 */
final class Node {

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	final String name;

	final int port;

	private final NodeImage image;

	private final Map<String, String> environment;

	private final Path log;

	private Process process;

	private long startedAt;

	Node(String name, int port, NodeImage image, Map<String, String> environment) {
		this.name = name;
		this.image = image;
		this.port = port;
		this.environment = environment;
		this.log = Path.of("target", "cluster", name + ".log");
	}

	String url(String path) {
		return "http://localhost:" + port + path;
	}

	/** Starts the jar; {@link #awaitServing} tells when it answers. */
	void start() throws IOException {
		Files.createDirectories(log.getParent());
		List<String> command = image.command("-Xmx768m");
		command.addAll(List.of("--server.port=" + port,
				// the engine writes this name into its job log, so the test can tell
				// which
				// node ran a job
				"--camunda.bpm.generic-properties.properties.hostname=" + name));
		ProcessBuilder builder = new ProcessBuilder(command);
		builder.environment().putAll(environment);
		builder.redirectErrorStream(true);
		builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
		startedAt = System.nanoTime();
		process = builder.start();
	}

	/** Waits until readiness answers UP; returns the time since {@link #start}. */
	Duration awaitServing(Duration atMost) throws InterruptedException {
		long deadline = System.nanoTime() + atMost.toNanos();
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				fail(name + " exited with " + process.exitValue() + ", see " + log.toAbsolutePath());
			}
			try {
				HttpResponse<Void> response = http
					.send(HttpRequest.newBuilder(URI.create(url("/actuator/health/readiness")))
						.timeout(Duration.ofSeconds(2))
						.build(), HttpResponse.BodyHandlers.discarding());
				if (response.statusCode() == 200) {
					return Duration.ofNanos(System.nanoTime() - startedAt);
				}
			}
			catch (IOException notYet) {
				// not listening yet
			}
			Thread.sleep(200);
		}
		return fail(name + " did not serve within " + atMost + ", see " + log.toAbsolutePath());
	}

	/** SIGKILL: no shutdown hook, no unlocking, connections cut. */
	void kill() throws InterruptedException {
		process.destroyForcibly();
		process.waitFor();
	}

	/** SIGTERM: Spring's graceful shutdown. */
	void stop() throws InterruptedException {
		if (process != null && process.isAlive()) {
			process.destroy();
			if (!process.waitFor(Duration.ofSeconds(90).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
				process.destroyForcibly().waitFor();
			}
		}
	}

	/** CPU time the node's JVM has used so far (all its threads). */
	Duration cpu() {
		return process.info().totalCpuDuration().orElse(Duration.ZERO);
	}

	boolean alive() {
		return process != null && process.isAlive();
	}

	Path log() {
		return log;
	}

}
