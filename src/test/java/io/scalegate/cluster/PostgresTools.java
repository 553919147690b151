package io.scalegate.cluster;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * pg_dump and pg_restore as docs/backup-and-restore.md runs them: the custom format, no
 * owners, stopping at the first error.
 */
final class PostgresTools {

	private PostgresTools() {
	}

	static void dump(ClusterDatabase db, Path file) throws IOException, InterruptedException {
		Files.deleteIfExists(file);
		run(db, List.of(binary("pg_dump"), "--format=custom", "--no-owner", "--file=" + file, "--dbname", name(db)));
	}

	static void restore(Path file, ClusterDatabase into) throws IOException, InterruptedException {
		run(into, List.of(binary("pg_restore"), "--no-owner", "--exit-on-error", "--dbname", name(into),
				file.toString()));
	}

	private static void run(ClusterDatabase db, List<String> command) throws IOException, InterruptedException {
		URI url = URI.create(db.url.substring("jdbc:".length()));
		List<String> withServer = new ArrayList<>(command);
		withServer.addAll(1,
				List.of("--host", url.getHost(), "--port", Integer.toString(url.getPort() < 0 ? 5432 : url.getPort()),
						"--username", System.getenv().getOrDefault("SCALEGATE_TEST_DB_USER", "scalegate")));
		ProcessBuilder builder = new ProcessBuilder(withServer).redirectErrorStream(true);
		builder.environment()
			.put("PGPASSWORD", System.getenv().getOrDefault("SCALEGATE_TEST_DB_PASSWORD", "scalegate"));
		Process process = builder.start();
		String output = new String(process.getInputStream().readAllBytes());
		if (process.waitFor() != 0) {
			throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
		}
	}

	private static String name(ClusterDatabase db) {
		String path = URI.create(db.url.substring("jdbc:".length())).getPath();
		return path.substring(1);
	}

	/**
	 * The newest PostgreSQL's tools of the machine (Debian keeps them per version), else
	 * the PATH's.
	 */
	private static String binary(String name) throws IOException {
		Path versions = Path.of("/usr/lib/postgresql");
		if (Files.isDirectory(versions)) {
			try (var each = Files.list(versions)) {
				return each.map(version -> version.resolve("bin").resolve(name))
					.filter(Files::isExecutable)
					.max(Comparator.comparing(path -> Integer
						.parseInt(path.getParent().getParent().getFileName().toString().replaceAll("\\D", "0"))))
					.map(Path::toString)
					.orElse(name);
			}
		}
		return name;
	}

}
