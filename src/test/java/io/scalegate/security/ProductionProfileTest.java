package io.scalegate.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scalegate.ScaleGateApplication;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The prod profile has no demo accounts and refuses to start without a real admin secret.
 */
class ProductionProfileTest {

	/**
	 * Starts ScaleGate in the prod profile on a private H2 database (command-line
	 * arguments beat the profile).
	 */
	private static ConfigurableApplicationContext production(String adminPassword) {
		return production(adminPassword, AUDIT_KEY);
	}

	/** A real audit key: base64 of 32 random bytes. */
	private static final String AUDIT_KEY = "q83vEjRWeJq8Ld9fYHkD1C2qRf7s0tVx8mK3pZbN4aE=";

	private static ConfigurableApplicationContext production(String adminPassword, String auditKey) {
		return new SpringApplicationBuilder(ScaleGateApplication.class).profiles("prod")
			.run("--server.port=0", "--vaadin.productionMode=false",
					"--spring.datasource.url=jdbc:h2:mem:prod-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
					"--spring.datasource.username=sa", "--spring.datasource.password=",
					"--camunda.bpm.job-execution.enabled=false", "--camunda.bpm.process-engine-name=prodtest",
					"--camunda.bpm.webapp.enabled=false", "--scalegate.security.admin-password=" + adminPassword,
					"--scalegate.audit.key-id=prod-1", "--scalegate.audit.key=" + auditKey);
	}

	@Test
	void refusesToStartWithoutAnAdminPassword() {
		assertThatThrownBy(() -> production("").close()).hasStackTraceContaining("SCALEGATE_ADMIN_PASSWORD");
	}

	@Test
	void refusesToStartWithADefaultOrShortSecret() {
		assertThatThrownBy(() -> production("demo").close()).hasStackTraceContaining("a default or shorter");
		assertThatThrownBy(() -> production("short-one").close()).hasStackTraceContaining("a default or shorter");
	}

	@Test
	void refusesToStartWithoutAnAuditKey() {
		assertThatThrownBy(() -> production("correct-horse-battery-staple", "").close())
			.hasStackTraceContaining("SCALEGATE_AUDIT_KEY")
			.hasStackTraceContaining("The prod profile needs the audit trail's key");
	}

	@Test
	void refusesToStartWithAShortAuditKey() {
		// 16 bytes: base64 of "sixteen-byte-key"
		assertThatThrownBy(() -> production("correct-horse-battery-staple", "c2l4dGVlbi1ieXRlLWtleQ==").close())
			.hasStackTraceContaining("SCALEGATE_AUDIT_KEY (scalegate.audit.key)")
			.hasStackTraceContaining("at least 32 random bytes");
	}

	@Test
	void startsWithARealSecretAndOnlyTheAdminAccount() {
		try (ConfigurableApplicationContext context = production("correct-horse-battery-staple")) {
			UserAccounts accounts = context.getBean(UserAccounts.class);
			assertThat(accounts.all()).extracting(UserAccount::username).containsExactly("admin");
			assertThat(accounts.find("admin").orElseThrow().roles()).containsExactly(Role.ADMIN);
			assertThat(context.getBean(io.scalegate.product.ProductService.class).count()).isZero();
			io.scalegate.audit.AuditVerification trail = context.getBean(io.scalegate.audit.AuditTrail.class).verify();
			assertThat(trail.intact()).as(trail.toString()).isTrue();
			assertThat(context.getBean(io.scalegate.audit.AuditCheckpoints.class).export().keyId()).isEqualTo("prod-1");
			// production is served over HTTPS only: the session cookie is never sent in
			// clear
			assertThat(context.getEnvironment().getProperty("server.servlet.session.cookie.secure")).isEqualTo("true");
			assertThat(context.getEnvironment().getProperty("server.servlet.session.cookie.same-site"))
				.isEqualTo("lax");
		}
	}

}
