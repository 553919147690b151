package io.scalegate.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.scalegate.ScaleGateTest;
import io.scalegate.product.Product;
import io.scalegate.product.ProductRegistration;
import io.scalegate.product.ProductService;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * The evidence tables under the recorder's checks (run on H2 and again on PostgreSQL):
 * the database's own constraints hold for rows the recorder would never write, so this
 * test writes them through the feature's repositories.
 */
@ScaleGateTest
class EvidencePersistenceTest {

	@Autowired
	ProductService products;

	@Autowired
	SmallBatches batches;

	@Autowired
	CapabilityStudies studies;

	Product register() {
		String partNumber = "P-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		return products.register(new ProductRegistration(partNumber, "Bracket", "ACME", "B", "engineer", true, false),
				"engineer");
	}

	@Test
	void theDatabaseRefusesImpossibleEvidence() {
		Product product = register();
		assertThatThrownBy(() -> batches.save(new SmallBatch(null, product.id(), "B1", 0, Result.PASS, Result.PASS,
				Result.PASS, LocalDate.now(), null, "s", Instant.now())))
			.hasCauseInstanceOf(DataIntegrityViolationException.class);
		assertThatThrownBy(() -> studies.save(new CapabilityStudy(null, product.id(), "d", LocalDate.now(), null, null,
				BigDecimal.ONE, BigDecimal.ONE, 10, "q", Instant.now())))
			.hasCauseInstanceOf(DataIntegrityViolationException.class);
	}

	@Test
	void evidenceKeepsDecimalsAndDates() {
		Product product = register();
		CapabilityStudy study = studies.save(new CapabilityStudy(null, product.id(), "Bore",
				LocalDate.parse("2026-02-28"), new BigDecimal("9.950000"), new BigDecimal("10.050000"),
				new BigDecimal("10.012500"), new BigDecimal("0.012345"), 125, "quality", Instant.now()));
		CapabilityStudy loaded = studies.findById(study.id()).orElseThrow();
		assertThat(loaded.mean()).isEqualByComparingTo("10.0125");
		assertThat(loaded.standardDeviation()).isEqualByComparingTo("0.012345");
		assertThat(loaded.studiedOn()).isEqualTo(LocalDate.parse("2026-02-28"));
	}

}
