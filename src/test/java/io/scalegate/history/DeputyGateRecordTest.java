package io.scalegate.history;

import static io.scalegate.gate.ProductLifecycle.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import io.scalegate.ScaleGateTest;
import io.scalegate.gate.process.Lifecycles;
import io.scalegate.product.Product;
import io.scalegate.security.Role;
import io.scalegate.security.UserAccount;
import io.scalegate.security.UserAccounts;
import io.scalegate.task.Deputies;
import io.scalegate.task.Inbox;
import io.scalegate.task.NewDeputyship;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The gate history and the signed gate record say that a deputy signed for an absent
 * person.
 */
@ScaleGateTest
class DeputyGateRecordTest {

	@Autowired
	Lifecycles lifecycles;

	@Autowired
	GateHistory history;

	@Autowired
	GateRecordPdf pdf;

	@Autowired
	UserAccounts accounts;

	@Autowired
	Deputies deputies;

	@Autowired
	Inbox inbox;

	@Autowired
	Clock clock;

	UserAccount aUser(Role role) {
		String username = "dg-" + UUID.randomUUID().toString().substring(0, 8);
		accounts.save(username, "Person " + username, "demo", EnumSet.of(role));
		return accounts.find(username).orElseThrow();
	}

	@Test
	void theDeputysSignatureIsShownForTheAbsentPerson() throws Exception {
		UserAccount absent = aUser(Role.QUALITY);
		UserAccount deputy = aUser(Role.QUALITY);
		Product product = lifecycles.aProductReadyForGate2(false);
		lifecycles.passGate1(product);
		inbox.claim(absent, lifecycles.task(product, INSPECTION_STANDARD_APPROVAL).getId());
		LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
		deputies.name(absent, new NewDeputyship(null, deputy.username(), today, today.plusDays(1), "sick leave"));

		lifecycles.sign(product, DESIGN_FREEZE_SIGN_OFF, "engineer", Map.of(DESIGN_FROZEN.name(), true));
		lifecycles.sign(product, INSPECTION_STANDARD_APPROVAL, deputy.username(),
				Map.of(INSPECTION_STANDARD_APPROVED.name(), true, MATERIAL_CONFIRMED.name(), true,
						SURFACE_FINISH_CONFIRMED.name(), true));
		lifecycles.sign(product, SUPPLIER_QUALIFICATION, "supplier", Map.of(SUPPLIER_APPROVED.name(), true));
		lifecycles.decideGate(product, "GO_MASS_PRODUCTION", null);

		GateRecord gate2 = history.of(product.partNumber()).gates().get(1);
		assertThat(gate2.readinessSignatures()).filteredOn(s -> s.taskKey().equals(INSPECTION_STANDARD_APPROVAL))
			.singleElement()
			.satisfies(s -> {
				assertThat(s.username()).isEqualTo(deputy.username());
				assertThat(s.actingFor()).isEqualTo(absent.username());
			});
		PdfReader reader = new PdfReader(pdf.of(product.partNumber(), "Ada Auditor (auditor)"));
		StringBuilder text = new StringBuilder();
		PdfTextExtractor extractor = new PdfTextExtractor(reader);
		for (int page = 1; page <= reader.getNumberOfPages(); page++) {
			text.append(extractor.getTextFromPage(page)).append('\n');
		}
		assertThat(text.toString().replaceAll("\\s+", " ")).contains("for " + absent.username());
	}

}
