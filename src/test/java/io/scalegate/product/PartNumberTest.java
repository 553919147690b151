package io.scalegate.product;

import static org.assertj.core.api.Assertions.assertThat;

import io.scalegate.base.Checks;
import io.scalegate.base.InvalidInput;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The one part number rule: what passes, what does not, and what it says. */
class PartNumberTest {

	@ParameterizedTest
	@ValueSource(strings = { "BRK-1001", "CNV-4410", "DRN-6060", "ENC-7015", "FXT-8120", "GRP-9001", "HSG-2040",
			"HTS-1210", "KNB-1300", "PMP-3100", "SPC-1120", "VLV-5200", "KAR-7001", "LOAD-000999", "T-1A2B3C4D",
			"API-0F3E", "X1", "a.b_c-d", "REV.2.1", "ZZ-FUZZ-20261201-1",
			"A234567890123456789012345678901234567890123456789012345678901234" })
	void demoDataAndTestFixturesFollowTheRule(String partNumber) {
		assertThat(PartNumber.isValid(partNumber)).as(partNumber).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "A", "a/b", "..", "A..B", ".AB", "AB.", "-AB", "AB-", "_AB", "A B", "A\tB", "A\u0000B",
			"A\u202eB", "A\u200fB", "A\u00e9B", "\u0410B", "AB\n", "a\\b", "A%2FB", "A;B",
			"A2345678901234567890123456789012345678901234567890123456789012345" })
	void slashesDotsControlBidiAndLookAlikeCharactersAreRefused(String partNumber) {
		assertThat(PartNumber.isValid(partNumber)).as(partNumber).isFalse();
	}

	@Test
	void aCheckNamesTheFieldAndTheRule() {
		Checks checks = new Checks();
		PartNumber.check(checks, "partNumber", " A/B ");

		Assertions.assertThatThrownBy(checks::throwIfAny).isInstanceOfSatisfying(InvalidInput.class, invalid -> {
			assertThat(invalid.field()).isEqualTo("partNumber");
			assertThat(invalid.reason()).isEqualTo(PartNumber.RULE);
		});
	}

	@Test
	void surroundingSpacesAreStrippedOnRegistration() {
		Checks checks = new Checks();
		PartNumber.check(checks, "partNumber", "  BRK-1001 ");

		checks.throwIfAny();
	}

}
