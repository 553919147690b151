package io.scalegate.document;

import io.scalegate.base.Conflict;
import io.scalegate.base.NotFound;
import io.scalegate.base.Sha256;
import io.scalegate.product.Product;
import io.scalegate.product.ProductService;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A product's documents (docs/adr/0018): attached with their type and size checked by
 * content, versioned per product and kind, hashed, and audited ({@link DocumentAttached}
 * in the same transaction); read as lists and content. Who may attach which kind is
 * {@link DocumentKind#uploaders()}, checked by the API and the views as for evidence.
 */
@Service
public class Documents {

	private final ProductService products;

	private final DocumentStore store;

	private final ContentCheck check;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final io.scalegate.audit.ProductTasks productTasks;

	/**
	 * The most tasks of a product looked through for a task link: Camunda's
	 * query-max-results-limit (application.yaml), which binds a query made while a person
	 * is signed in; a product has a few dozen.
	 */
	private static final int TASKS_LOOKED_AT = 2000;

	Documents(ProductService products, DocumentStore store, ContentCheck check, ApplicationEventPublisher events,
			Clock clock, io.scalegate.audit.ProductTasks productTasks) {
		this.productTasks = productTasks;
		this.products = products;
		this.store = store;
		this.check = check;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Attaches a file to the product as the next version of its kind. A wrong file
	 * (empty, too large, a type not allowed by its content) is refused naming the field
	 * {@code file}, and nothing is kept; two uploads at once get versions one after the
	 * other (the product's row lock; the unique key backs it as a {@link Conflict}).
	 */
	@Transactional
	public Document attach(String partNumber, DocumentKind kind, String fileName, byte[] content, DocumentLinks links,
			String uploadedBy) {
		return attachAs(UUID.randomUUID().toString(), partNumber, kind, fileName, content, links, uploadedBy);
	}

	/**
	 * As {@link #attach}, under an id given beforehand (a form's file picker: the task's
	 * variable holds the id before the file is stored in the signing transaction).
	 */
	@Transactional
	public Document attachAs(String id, String partNumber, DocumentKind kind, String fileName, byte[] content,
			DocumentLinks links, String uploadedBy) {
		try {
			UUID.fromString(id);
		}
		catch (IllegalArgumentException | NullPointerException notAnId) {
			throw new io.scalegate.base.InvalidInput("id", "must be a UUID");
		}
		if (kind == null) {
			throw new io.scalegate.base.InvalidInput("kind", "is required");
		}
		Product product = products.get(partNumber);
		String mediaType = check.mediaType(fileName, content);
		links = links == null ? DocumentLinks.none() : links;
		links.check();
		if (links.taskId() != null
				&& !productTasks.taskIds(product.partNumber(), TASKS_LOOKED_AT).contains(links.taskId())) {
			// a document filed under another product's task would be read as that
			// product's
			throw new io.scalegate.base.InvalidInput("taskId", "is not a task of " + product.partNumber());
		}
		store.lockProduct(product.partNumber());
		Document document = new Document(id, product.partNumber(), kind, store.nextVersion(product.partNumber(), kind),
				FileNames.safe(fileName), mediaType, content.length, Sha256.hex(content), uploadedBy, clock.instant(),
				links);
		try {
			store.insert(document, content);
		}
		catch (RuntimeException raced) {
			Conflict collision = Conflict.of(raced);
			throw collision == null ? raced : new Conflict("kind", "another " + kind.label().toLowerCase() + " of "
					+ product.partNumber() + " was attached at the same moment: try again", true);
		}
		events.publishEvent(new DocumentAttached(document));
		return document;
	}

	/**
	 * Checks a file as {@link #attach} would, without keeping it; returns its media type.
	 */
	public String check(String fileName, byte[] content) {
		return check.mediaType(fileName, content);
	}

	/** The product's documents, newest first. */
	@Transactional(readOnly = true)
	public List<Document> of(String partNumber) {
		return store.where("part_number = ?", products.get(partNumber).partNumber());
	}

	/** The documents attached on a task of the product, newest first. */
	@Transactional(readOnly = true)
	public List<Document> ofTask(String partNumber, String taskId) {
		return store.where("task_id = ? and part_number = ?", taskId, partNumber);
	}

	/**
	 * The product's documents belonging to its evidence of one kind (an evidence kind's
	 * code).
	 */
	@Transactional(readOnly = true)
	public List<Document> ofEvidence(String partNumber, String evidenceKind) {
		return store.where("part_number = ? and evidence_kind = ?", products.get(partNumber).partNumber(),
				evidenceKind);
	}

	/** The product's documents prepared for a gate (e.g. {@code gateReview}). */
	@Transactional(readOnly = true)
	public List<Document> ofGate(String partNumber, String gate) {
		return store.where("part_number = ? and gate = ?", products.get(partNumber).partNumber(), gate);
	}

	/** One of the product's documents; another product's id is unknown here. */
	@Transactional(readOnly = true)
	public Document get(String partNumber, String id) {
		return store.find(products.get(partNumber).partNumber(), id)
			.orElseThrow(() -> new NotFound("document", "id", "no document " + id + " for product " + partNumber));
	}

	/** The content of one of the product's documents. */
	@Transactional(readOnly = true)
	public InputStream open(String partNumber, String id) {
		return new ByteArrayInputStream(store.content(get(partNumber, id).id()));
	}

	/**
	 * The kinds of which the product has at least one document (the deliverables on
	 * file).
	 */
	@Transactional(readOnly = true)
	public Set<DocumentKind> kindsOnFile(String partNumber) {
		Set<DocumentKind> kinds = EnumSet.noneOf(DocumentKind.class);
		of(partNumber).forEach(document -> kinds.add(document.kind()));
		return kinds;
	}

	/** The largest file accepted, for the views' upload limits. */
	public long maxSize() {
		return check.maxSize();
	}

}
