package io.scalegate.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The small grammar: what reads variables is allowed, what reaches further is not. */
class ExpressionGrammarTest {

	@ParameterizedTest
	@ValueSource(strings = { "${a}", "#{a}", "${false}", "${null}", "${'GO'}", "${\"it's\"}", "${'a\\'b\\\\c'}",
			"${-1.5e3}", "${.5 > a}", "${a == 'GO'}", "${a != true or b eq null and not c}",
			"${(a < 1 || b >= 2) && !(c le 3) and d ge 4 or e gt 5 or f lt 6 or g ne h}", "Dear ${name}, see #{other}",
			"${ a }${b}", "${'}'}", "${demandCv <= 0.25}" })
	void allows(String text) {
		assertThat(ExpressionGrammar.read(text).refusal()).as(text).isNull();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "${apiTokens.issue('x','ADMIN','owner') != null}|calls issue on apiTokens",
			"${userAccounts.all()}|calls all on userAccounts",
			"${execution.getVariable('a')}|calls getVariable on execution",
			"${execution.id}|reads the property id of execution",
			"${dateTime().plusDays(1)}|calls the function dateTime", "${fn:upper(a)}|calls the function fn:upper",
			"${a[0]}|reads an entry of a with [ ]", "${'x'.getClass()}|calls getClass on 'x'",
			"${(a).b}|reads the property b of the value in parentheses", "${a + 1}|calculates with +",
			"${a - 1}|calculates with -", "${-a}|calculates with -", "${a mod 2}|calculates with mod",
			"${a ? b : c}|chooses between values with ? :", "${empty a}|uses empty",
			"${a instanceof b}|uses instanceof", "${}|is an empty expression", "${a|does not close its ${ with }",
			"${(a}|has } where it cannot be", "${'a}|has a text value without its closing '",
			"${'\\n'}|has a text value with a backslash", "${a b}|has b where it cannot be",
			"${!}|ends where a value is expected", "${a == }|ends where a value is expected", "\\${x.y()}|calls y on x",
			"${a} and #{b.c}|reads the property c of b", "${a, b}|has , where it cannot be" })
	void refuses(String text, String reason) {
		assertThat(ExpressionGrammar.read(text).refusal()).as(text).startsWith(reason);
	}

}
