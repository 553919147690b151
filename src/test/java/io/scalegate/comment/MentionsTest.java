package io.scalegate.comment;

import static org.assertj.core.api.Assertions.assertThat;

import io.scalegate.comment.Mentions.Segment;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MentionsTest {

	@Test
	void readsTokensInLowerCaseOnceEachAndNotInsideAddresses() {
		assertThat(Mentions.names("@Quinn please check, cc @gatekeeper and @quinn; mail eng@example.com",
				Set.of("quinn", "gatekeeper")))
			.containsExactly("quinn", "gatekeeper");
	}

	@Test
	void punctuationAfterAMentionIsNotPartOfItUnlessAKnownIdHasIt() {
		assertThat(Mentions.names("Thanks @quinn. And @anna.b.", Set.of("quinn", "anna.b"))).containsExactly("quinn",
				"anna.b");
		assertThat(Mentions.names("Ask @nobody-", Set.of())).containsExactly("nobody");
	}

	@Test
	void segmentsKeepTheTextAsWritten() {
		assertThat(Mentions.segments("Hi @Quinn, see", Set.of("quinn"))).containsExactly(new Segment("Hi ", null),
				new Segment("@Quinn", "quinn"), new Segment(", see", null));
		assertThat(Mentions.segments("no mentions <b>here</b>", Set.of()))
			.containsExactly(new Segment("no mentions <b>here</b>", null));
		assertThat(Mentions.segments("", Set.of())).isEmpty();
	}

}
