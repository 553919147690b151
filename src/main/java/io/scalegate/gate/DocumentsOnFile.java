package io.scalegate.gate;

/**
 * The kinds of the documents on file for a product (document kind codes,
 * {@link ProductLifecycle#DOCUMENT_KINDS}). The port through which the deliverables
 * checklist ({@link Deliverables}) learns what is on file, without the gate knowing how
 * documents are stored; the document feature implements it.
 */
public interface DocumentsOnFile {

	/** The kinds of the documents on file for the product (empty: none). */
	java.util.Set<String> kindsOnFile(String partNumber);

}
