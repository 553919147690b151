package io.scalegate.base;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Cells a spreadsheet would run as a formula get a leading apostrophe; others stay. */
class CsvCellTest {

	@ParameterizedTest
	@ValueSource(strings = { "=HYPERLINK(\"http://x\",\"y\")", "+1", "-1+1", "@SUM(A1)", "\tx", "\rx", "'quoted", " =x",
			"\n=x", "\u00a0=1+1", "  @x" })
	void aFormulaBecomesText(String value) {
		assertThat(CsvCell.text(value)).isEqualTo("'" + value);
	}

	@ParameterizedTest
	@ValueSource(strings = { "gatekeeper", "BRK-1001", "{\"n\":-1}", "a=b", "", " x", "\n" })
	void anythingElseStaysAsItIs(String value) {
		assertThat(CsvCell.text(value)).isEqualTo(value);
	}

}
