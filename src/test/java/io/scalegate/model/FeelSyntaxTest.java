package io.scalegate.model;

import static io.scalegate.model.ModelValidationTest.oursWith;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A decision table cell FEEL cannot read is a problem of the file, said in words (which
 * rule of which decision, which column, what is wrong), not a failure of every test case
 * that reaches the table.
 */
class FeelSyntaxTest {

	final ModelValidation validation = new ModelValidation(new ObjectMapper());

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			textBlock = """
					<text>[0..0.25]</text>   | <text>[0..0.35</text>     | Rule 2 ("XYZ analysis, class X: CV up to 0.25 means predictable…") of "Demand stability", column "Coefficient of variation of monthly quantity": `[0..0.35` is not a valid FEEL test — missing closing bracket
					<text>(0.25..0.5]</text> | <text>0.25..0.5]</text>    | Rule 3 (
					<text>(0.25..0.5]</text> | <text>0.25..0.5]</text>    | missing opening bracket
					<text>&lt; 6</text>      | <text>&lt;&lt; 6</text>   | Rule 1 (
					<text>&lt; 6</text>      | <text>&lt;&lt; 6</text>   | column "Months of order history": `<< 6` is not a valid FEEL test — FEEL cannot read it
					<text>"MODERATE"</text>  | <text>"MODERATE</text>    | output "Demand stability": `"MODERATE` is not a valid FEEL expression — a text is not closed: a " is missing
					<text>"MODERATE"</text>  | <text>"MODERATE" +</text> | Rule 3 (
					""")
	void aBrokenCellIsNamedInWords(String from, String to, String expected) throws IOException {
		List<ModelProblem> problems = validation.validate(oursWith("mass-production-gate.dmn", from, to));
		assertThat(problems).singleElement().satisfies(problem -> {
			assertThat(problem.file()).isEqualTo("mass-production-gate.dmn");
			assertThat(problem.element()).startsWith("demandStability rule ");
			assertThat(problem.message()).contains(expected).doesNotContain("FEEL/SCALA");
		});
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			<text>[0..0.25]</text>   | <text>]0..0.25[</text>
			<text>(0.25..0.5]</text> | <text>[0.25..0.5), 0.7</text>
			<text>&lt; 6</text>      | <text>&lt; 6, &gt; 100</text>
			<text>[0..0.25]</text>   | <text></text>
			""")
	void validCellsPass(String from, String to) throws IOException {
		assertThat(validation.validate(oursWith("mass-production-gate.dmn", from, to))).isEmpty();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			textBlock = """
					<text>demandCv</text>                       | <text>demandCv +* (</text>                    | Column "Coefficient of variation of monthly quantity" of "Demand stability" reads `demandCv +* (`
					<text>"STABLE","MODERATE","VOLATILE",       | <text>"STABLE,"MODERATE","VOLATILE",          | Output "Demand stability" of "Demand stability" allows
					""")
	void aBrokenColumnIsNamedInWords(String from, String to, String expected) throws IOException {
		assertThat(validation.validate(oursWith("mass-production-gate.dmn", from, to)))
			.anySatisfy(problem -> assertThat(problem.message()).contains(expected).doesNotContain("FEEL/SCALA"));
	}

	@Test
	void aCellNestedTooDeeplyIsAProblemNotAStackOverflow() throws IOException {
		String deep = "(".repeat(3000) + "1" + ")".repeat(3000);
		assertThat(validation
			.validate(oursWith("mass-production-gate.dmn", "<text>[0..0.25]</text>", "<text>" + deep + "</text>")))
			.singleElement()
			.satisfies(problem -> assertThat(problem.message()).contains("nested too deeply"));
	}

	@Test
	void aLongAnnotationWithoutSpacesIsShortenedNotAFailure() throws IOException {
		String annotation = "https://example.com/" + "x".repeat(100);
		List<ModelProblem> problems = validation.validate(oursWith("mass-production-gate.dmn",
				"<description>XYZ analysis, class X: CV up to 0.25 means predictable demand (e.g. APICS/ASCM inventory practice).</description>",
				"<description>" + annotation + "</description>"));
		assertThat(problems).isEmpty();
		assertThat(validation.validate(oursWith("mass-production-gate.dmn",
				"<description>XYZ analysis, class X: CV up to 0.25 means predictable demand (e.g. APICS/ASCM inventory practice).</description>\n        <inputEntry id=\"InputEntry_demandStability_2_1\">\n          <text>&gt;= 6</text>",
				"<description>" + annotation
						+ "</description>\n        <inputEntry id=\"InputEntry_demandStability_2_1\">\n          <text>&gt;= = 6</text>")))
			.singleElement()
			.satisfies(problem -> assertThat(problem.message())
				.startsWith("Rule 2 (\"" + annotation.substring(0, 59) + "…\")"));
	}

}
