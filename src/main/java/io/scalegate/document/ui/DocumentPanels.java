package io.scalegate.document.ui;

import io.scalegate.document.DocumentLinks;
import io.scalegate.document.Documents;
import io.scalegate.security.CurrentUser;
import io.scalegate.security.UserAccount;
import org.springframework.stereotype.Component;

/**
 * Makes {@link DocumentsPanel}s for the signed-in person: a product's documents, those
 * attached on a task, those of an evidence kind. Uploads through a panel carry its links.
 */
@Component
public class DocumentPanels {

	private final Documents documents;

	private final CurrentUser currentUser;

	DocumentPanels(Documents documents, CurrentUser currentUser) {
		this.documents = documents;
		this.currentUser = currentUser;
	}

	/** All of the product's documents. */
	public DocumentsPanel forProduct(String partNumber) {
		UserAccount user = currentUser.get();
		return new DocumentsPanel(documents, partNumber, () -> documents.of(partNumber), DocumentLinks.none(),
				user.username(), user.roles());
	}

	/** The documents attached on a task; uploads are linked to it. */
	public DocumentsPanel forTask(String partNumber, String taskId, String taskKey) {
		UserAccount user = currentUser.get();
		return new DocumentsPanel(documents, partNumber, () -> documents.ofTask(partNumber, taskId),
				DocumentLinks.task(taskId, taskKey), user.username(), user.roles());
	}

	/**
	 * The product's documents of one evidence kind (its code); uploads, offered only to
	 * who may record that evidence ({@code mayRecord}), are linked to it.
	 */
	public DocumentsPanel forEvidence(String partNumber, String evidenceKind, boolean mayRecord) {
		UserAccount user = currentUser.get();
		return new DocumentsPanel(documents, partNumber, () -> documents.ofEvidence(partNumber, evidenceKind),
				DocumentLinks.none().withEvidence(evidenceKind, null), user.username(),
				mayRecord ? user.roles() : java.util.Set.of());
	}

	/** The product's documents, read-only (no upload, whoever looks). */
	public DocumentsPanel readOnly(String partNumber) {
		UserAccount user = currentUser.get();
		return new DocumentsPanel(documents, partNumber, () -> documents.of(partNumber), DocumentLinks.none(),
				user.username(), java.util.Set.of());
	}

}
