package io.scalegate.product;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scalegate.ScaleGateTest;
import io.scalegate.base.InvalidInput;
import io.scalegate.security.Role;
import io.scalegate.security.UserAccounts;
import java.util.EnumSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Flyway's schema beside Camunda's, and the product and user records on it (run on H2 and
 * again on PostgreSQL); evidence has its own {@code EvidencePersistenceTest}.
 */
@ScaleGateTest
class ProductPersistenceTest {

	@Autowired
	ProductService service;

	@Autowired
	Products products;

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
