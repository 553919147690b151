package io.scalegate.product;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scalegate.ScaleGateTest;
import io.scalegate.base.InvalidInput;
import io.scalegate.evidence.CapabilityStudies;
import io.scalegate.evidence.CapabilityStudy;
import io.scalegate.evidence.Result;
import io.scalegate.evidence.SmallBatch;
import io.scalegate.evidence.SmallBatches;
import io.scalegate.security.Role;
import io.scalegate.security.UserAccounts;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Flyway's schema beside Camunda's, and the repositories on it (run on H2 and again on
 * PostgreSQL).
 */
@ScaleGateTest
class ProductPersistenceTest {

	@Autowired
	ProductService service;

	@Autowired
	Products products;

	@Autowired
	SmallBatches batches;

	@Autowired
	CapabilityStudies studies;

	@Autowired
	UserAccounts accounts;

	@Autowired
	PasswordEncoder passwords;

	@Autowired
	JdbcClient jdbc;

	static String partNumber() {
		return "P-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
	}

	Product register(String partNumber) {
		return service.register(new ProductRegistration(partNumber, " Bracket ", "ACME", "B", "engineer", true, false),
				"engineer");
	}

	@Test
	void flywayAndCamundaShareTheSchema() {
		assertThat(jdbc.sql("select count(*) from \"flyway_schema_history\" where \"success\" = true")
			.query(Long.class)
			.single()).isPositive();
		assertThat(jdbc.sql("select count(*) from ACT_RE_PROCDEF where KEY_ = 'productLifecycle'")
			.query(Long.class)
			.single()).isPositive();
	}

	@Test
	void aProductRoundTripsWithItsStageAndVersion() {
		String partNumber = partNumber();
		Product saved = register(partNumber);

		Product loaded = products.findByPartNumber(partNumber).orElseThrow();
		assertThat(loaded.id()).isEqualTo(saved.id());
		assertThat(loaded.name()).isEqualTo("Bracket");
		assertThat(loaded.stage()).isEqualTo(Stage.PROTOTYPE);
		assertThat(loaded.unitCostReductionPriority()).isTrue();
		assertThat(loaded.version()).isNotNull();
	}

	@Test
	void aPartNumberIsRegisteredOnce() {
		String partNumber = partNumber();
		register(partNumber);
		assertThatThrownBy(() -> register(partNumber)).isInstanceOf(InvalidInput.class)
			.hasMessageContaining("partNumber")
			.hasMessageContaining("already registered");
		assertThat(products.findAll().stream().filter(p -> p.partNumber().equals(partNumber))).hasSize(1);
	}

	@Test
	void badRegistrationsNameTheFieldAndKeepNothing() {
		long before = products.count();
		assertThatThrownBy(() -> service
			.register(new ProductRegistration("bad part!", "n", "c", "A", "o", false, false), "engineer"))
			.isInstanceOf(InvalidInput.class)
			.satisfies(e -> assertThat(((InvalidInput) e).field()).isEqualTo("partNumber"));
		assertThatThrownBy(() -> service
			.register(new ProductRegistration(partNumber(), " ", "c", "A", "o", false, false), "engineer"))
			.satisfies(e -> assertThat(((InvalidInput) e).field()).isEqualTo("name"));
		assertThat(products.count()).isEqualTo(before);
	}

	@Test
	void staleUpdatesAreRefused() {
		Product product = register(partNumber());
		Product first = products.findById(product.id()).orElseThrow();
		products.save(first.withStage(Stage.SMALL_BATCH));
		assertThatThrownBy(() -> products.save(first.withStage(Stage.CANCELLED)))
			.isInstanceOf(OptimisticLockingFailureException.class);
	}

	@Test
	void theDatabaseRefusesImpossibleEvidence() {
		Product product = register(partNumber());
		assertThatThrownBy(() -> batches.save(new SmallBatch(null, product.id(), "B1", 0, Result.PASS, Result.PASS,
				Result.PASS, LocalDate.now(), null, "s", Instant.now())))
			.hasCauseInstanceOf(DataIntegrityViolationException.class);
		assertThatThrownBy(() -> studies.save(new CapabilityStudy(null, product.id(), "d", LocalDate.now(), null, null,
				BigDecimal.ONE, BigDecimal.ONE, 10, "q", Instant.now())))
			.hasCauseInstanceOf(DataIntegrityViolationException.class);
	}

	@Test
	void evidenceKeepsDecimalsAndDates() {
		Product product = register(partNumber());
		CapabilityStudy study = studies.save(new CapabilityStudy(null, product.id(), "Bore",
				LocalDate.parse("2026-02-28"), new BigDecimal("9.950000"), new BigDecimal("10.050000"),
				new BigDecimal("10.012500"), new BigDecimal("0.012345"), 125, "quality", Instant.now()));
		CapabilityStudy loaded = studies.findById(study.id()).orElseThrow();
		assertThat(loaded.mean()).isEqualByComparingTo("10.0125");
		assertThat(loaded.standardDeviation()).isEqualByComparingTo("0.012345");
		assertThat(loaded.studiedOn()).isEqualTo(LocalDate.parse("2026-02-28"));
	}

	@Test
	void usersAreStoredWithHashedPasswordsAndRoles() {
		String username = "u" + UUID.randomUUID().toString().substring(0, 6);
		accounts.save(username, "Una User", "s3cret-Passw0rd", EnumSet.of(Role.QUALITY, Role.AUDITOR));

		String hash = jdbc.sql("select password_hash from app_user where username = ?")
			.param(username)
			.query(String.class)
			.single();
		assertThat(hash).startsWith("{bcrypt}").doesNotContain("s3cret");
		assertThat(passwords.matches("s3cret-Passw0rd", hash)).isTrue();
		assertThat(accounts.loadUserByUsername(username).getAuthorities()).extracting(Object::toString)
			.containsExactlyInAnyOrder("ROLE_QUALITY", "ROLE_AUDITOR");
		assertThat(accounts.find(username).orElseThrow().fullName()).isEqualTo("Una User");
	}

}
