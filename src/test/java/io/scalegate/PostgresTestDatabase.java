package io.scalegate;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import javax.sql.DataSource;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Profile;

/**
 * The PostgreSQL for the {@code postgresql-test} run: the server named by
 * SCALEGATE_TEST_DB_URL (CI starts a real PostgreSQL 15 and sets it), else an embedded
 * PostgreSQL started in this JVM. Either way behind a Hikari pool, as in production
 * (tests that fill the pool read its size).
 */
@TestConfiguration(proxyBeanMethods = false)
@Profile("postgresql-test")
public class PostgresTestDatabase {

	@Bean(destroyMethod = "")
	DataSource dataSource() throws IOException {
		String url = System.getenv("SCALEGATE_TEST_DB_URL");
		if (url != null && !url.isBlank()) {
			return DataSourceBuilder.create()
				.url(url)
				.username(System.getenv().getOrDefault("SCALEGATE_TEST_DB_USER", "scalegate"))
				.password(System.getenv().getOrDefault("SCALEGATE_TEST_DB_PASSWORD", "scalegate"))
				.build();
		}
		EmbeddedPostgres embedded = EmbeddedPostgres.builder().start();
		return DataSourceBuilder.create().url(embedded.getJdbcUrl("postgres", "postgres")).build();
	}

}
