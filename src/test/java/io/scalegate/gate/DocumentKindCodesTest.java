package io.scalegate.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.scalegate.document.DocumentKind;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The checklist's kind codes (what a gateDeliverables model may name) are exactly the
 * kinds a document can be filed as: a kind added on one side only would make a required
 * deliverable impossible to file, or a filed one impossible to require.
 */
class DocumentKindCodesTest {

	@Test
	void theChecklistKnowsEveryDocumentKindAndNoOther() {
		assertThat(ProductLifecycle.DOCUMENT_KINDS)
			.containsExactlyInAnyOrderElementsOf(Arrays.stream(DocumentKind.values()).map(Enum::name).toList());
	}

	@Test
	void theChecklistAndTheDocumentsNameEachKindAlike() {
		for (DocumentKind kind : DocumentKind.values()) {
			assertThat(GateWords.documentKinds(java.util.List.of(kind.name()))).as(kind.name()).isEqualTo(kind.label());
		}
	}

}
