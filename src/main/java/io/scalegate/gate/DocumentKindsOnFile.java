package io.scalegate.gate;

import io.scalegate.document.DocumentKind;
import io.scalegate.document.Documents;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** The kinds on file as the document feature stores them, by their codes. */
@Component
class DocumentKindsOnFile implements DocumentsOnFile {

	private final Documents documents;

	DocumentKindsOnFile(Documents documents) {
		this.documents = documents;
	}

	@Override
	public Set<String> kindsOnFile(String partNumber) {
		return documents.kindsOnFile(partNumber).stream().map(DocumentKind::name).collect(Collectors.toSet());
	}

}
