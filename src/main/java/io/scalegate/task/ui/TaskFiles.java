package io.scalegate.task.ui;

import io.scalegate.document.DocumentKind;
import io.scalegate.document.DocumentLinks;
import io.scalegate.document.Documents;
import io.scalegate.form.FileStore;
import io.scalegate.gate.ProductLifecycle;

/**
 * The file pickers of a task's form keep their files as the product's documents, linked
 * to the task (and to the gate on a gate review), uploaded by the signer.
 */
final class TaskFiles implements FileStore {

	private final Documents documents;

	private final String partNumber;

	private final DocumentLinks links;

	private final String username;

	TaskFiles(Documents documents, String partNumber, String taskId, String taskKey, String username) {
		this.documents = documents;
		this.partNumber = partNumber;
		DocumentLinks task = DocumentLinks.task(taskId, taskKey);
		this.links = ProductLifecycle.GATE_REVIEW.equals(taskKey) || ProductLifecycle.PROTOTYPE_REVIEW.equals(taskKey)
				? task.withGate(taskKey) : task;
		this.username = username;
	}

	@Override
	public void check(String fileName, byte[] content) {
		documents.check(fileName, content);
	}

	@Override
	public void store(PickedFile file) {
		documents.attachAs(file.id(), partNumber, DocumentKind.of(file.documentKind()), file.fileName(), file.content(),
				links, username);
	}

}
