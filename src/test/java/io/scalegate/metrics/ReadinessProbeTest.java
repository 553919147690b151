package io.scalegate.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.scalegate.ScaleGateTest;
import io.scalegate.gate.TestDocumentsOnFile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * A node whose database cannot be reached is not ready (503: the load balancer sends it
 * nothing) and ready again once it can; it stays live all along, so that an orchestrator
 * does not restart every node during a database outage. The database "goes away" behind a
 * data source that refuses connections when told, as a pool does when the server is gone.
 * Its own context (and H2 database), so the outage touches no other test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"camunda.bpm.job-execution.enabled=false", "camunda.bpm.process-engine-name=readinessprobe",
		"camunda.bpm.webapp.enabled=false", "vaadin.launch-browser=false", "vaadin.devmode.devTools.enabled=false",
		"scalegate.security.sign-in.summary-cron=-", "scalegate.audit.key-id=test",
		"scalegate.audit.key=" + ScaleGateTest.AUDIT_KEY,
		"spring.datasource.url=jdbc:h2:mem:readiness-probe;DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=30000" })
@Import({ ReadinessProbeTest.Outage.class, TestDocumentsOnFile.Fixture.class })
@AutoConfigureObservability(tracing = false)
class ReadinessProbeTest {

	@LocalServerPort
	int port;

	@Autowired
	Outage outage;

	@Autowired
	DatabaseFigures figures;

	@Autowired
	MeterRegistry registry;

	final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();

	@AfterEach
	void databaseBack() {
		outage.down = false;
	}

	@Test
	void notReadyWithoutTheDatabaseAndReadyAgainAfterButLiveThroughout() throws Exception {
		assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);

		outage.down = true;
		HttpResponse<String> readiness = get("/actuator/health/readiness");
		assertThat(readiness.statusCode()).isEqualTo(503);
		assertThat(readiness.body()).contains("\"DOWN\"");
		assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);

		outage.down = false;
		assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);
		assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);
	}

	@Test
	void theDatabaseFiguresAreUnknownDuringAnOutageAndNeverFailTheScrape() {
		figures.refresh();
		assertThat(chainLength()).isPositive();

		outage.down = true;
		figures.refresh();
		assertThat(chainLength()).isNaN();
		assertThat(registry.get("scalegate.metrics.refresh.failures").counter().count()).isPositive();

		outage.down = false;
		figures.refresh();
		assertThat(chainLength()).isPositive();
	}

	private double chainLength() {
		return registry.get("scalegate.audit.chain.length").gauge().value();
	}

	HttpResponse<String> get(String path) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.timeout(Duration.ofSeconds(60))
			.build(), BodyHandlers.ofString());
	}

	/** Wraps the application's data source: refuses every connection while down. */
	@TestConfiguration(proxyBeanMethods = false)
	static class Outage {

		volatile boolean down;

		@Bean
		static BeanPostProcessor switchableDataSource(org.springframework.beans.factory.ObjectProvider<Outage> outage) {
			return new BeanPostProcessor() {
				@Override
				public Object postProcessAfterInitialization(Object bean, String name) {
					return bean instanceof DataSource dataSource && "dataSource".equals(name)
							? new Switchable(dataSource, outage) : bean;
				}
			};
		}

	}

	static final class Switchable extends DelegatingDataSource {

		private final org.springframework.beans.factory.ObjectProvider<Outage> outage;

		Switchable(DataSource target, org.springframework.beans.factory.ObjectProvider<Outage> outage) {
			super(target);
			this.outage = outage;
		}

		@Override
		public Connection getConnection() throws SQLException {
			refuseIfDown();
			return super.getConnection();
		}

		@Override
		public Connection getConnection(String username, String password) throws SQLException {
			refuseIfDown();
			return super.getConnection(username, password);
		}

		private void refuseIfDown() throws SQLException {
			if (outage.getObject().down) {
				throw new SQLTransientConnectionException("database unreachable (test outage)");
			}
		}

	}

}
