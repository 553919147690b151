package io.scalegate.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The packaged jar as docker/Dockerfile deploys it: extracted with Spring Boot's
 * {@code jarmode=tools}, and with a class data sharing archive from a training run that
 * stops once the context is refreshed (default profile, embedded H2: what an image build
 * can run without a database). Both cut what a start costs (docs/benchmarks.md).
 */
record NodeImage(Path jar, Path archive) {

	private static final Path DIRECTORY = Path.of("target", "cluster", "image").toAbsolutePath();

	static NodeImage prepare() throws IOException, InterruptedException {
		if (Files.exists(DIRECTORY)) {
			try (Stream<Path> old = Files.walk(DIRECTORY)) {
				old.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
			}
		}
		Path packaged = packagedJar();
		run(List.of(java(), "-Djarmode=tools", "-jar", packaged.toString(), "extract", "--destination",
				DIRECTORY.toString()), "extract");
		Path jar = DIRECTORY.resolve(packaged.getFileName());
		Path archive = DIRECTORY.resolve("scalegate.jsa");
		run(List.of(java(), "-Xmx1g", "-XX:ArchiveClassesAtExit=" + archive, "-Dspring.context.exit=onRefresh", "-jar",
				jar.toString(), "--server.port=0",
				// as the image's jar (built with -Pproduction); the prod profile sets it
				// too
				"--vaadin.productionMode=true"), "training");
		if (!Files.isRegularFile(archive)) {
			throw new IllegalStateException(
					"the training run wrote no " + archive + ", see its log in " + DIRECTORY.getParent());
		}
		return new NodeImage(jar, archive);
	}

	/**
	 * The command that starts a node of this image, before the application's arguments.
	 */
	List<String> command(String... jvmOptions) {
		List<String> command = new ArrayList<>(List.of(java()));
		command.addAll(List.of(jvmOptions));
		// -Xshare:on: a node that cannot map the archive does not start (JDK 17 would
		// otherwise start without it, saying so only at -Xlog:cds=info)
		command.addAll(List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:on", "-jar", jar.toString()));
		return command;
	}

	static String java() {
		return ProcessHandle.current().info().command().orElse("java");
	}

	private static void run(List<String> command, String step) throws IOException, InterruptedException {
		Path log = DIRECTORY.getParent().resolve("image-" + step + ".log");
		Files.createDirectories(DIRECTORY.getParent());
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
		// as an image build: the default profile, no database of the cluster's
		builder.environment()
			.keySet()
			.removeIf(name -> name
				.matches("(SPRING|SCALEGATE|CAMUNDA|SERVER|VAADIN)_.*|JAVA_TOOL_OPTIONS|JDK_JAVA_OPTIONS"));
		Process process = builder.start();
		if (!process.waitFor(5, TimeUnit.MINUTES)) {
			process.destroyForcibly().waitFor();
			throw new IllegalStateException(step + " did not end within 5 minutes, see " + log);
		}
		if (process.exitValue() != 0) {
			throw new IllegalStateException(step + " exited with " + process.exitValue() + ", see " + log);
		}
	}

	private static Path packagedJar() throws IOException {
		try (var jars = Files.list(Path.of("target"))) {
			return jars.filter(path -> path.getFileName().toString().matches("scalegate-.*\\.jar"))
				.filter(path -> !path.getFileName().toString().endsWith("-plain.jar"))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("no target/scalegate-*.jar: run the package phase first"));
		}
	}

}
