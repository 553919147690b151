package io.scalegate.base;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CountTest {

	@Test
	void oneIsSingularEverythingElsePlural() {
		assertThat(Count.of(1, "entry", "entries")).isEqualTo("1 entry");
		assertThat(Count.of(0, "entry", "entries")).isEqualTo("0 entries");
		assertThat(Count.of(1204, "rule is", "rules are")).isEqualTo("1,204 rules are");
	}

}
