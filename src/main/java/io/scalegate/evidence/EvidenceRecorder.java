package io.scalegate.evidence;

import io.scalegate.base.Checks;
import io.scalegate.base.Conflict;
import io.scalegate.base.InvalidInput;
import io.scalegate.product.Product;
import io.scalegate.product.ProductService;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.jdbc.core.JdbcAggregateTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records and edits evidence. Every entry is checked field by field before anything is
 * written, and each call is one transaction: a batch of entries is kept whole or not at
 * all. Listeners of {@link EvidenceRecorded} (the lifecycle's "new evidence" message) run
 * in the same transaction.
 */
@Service
public class EvidenceRecorder {

	private final ProductService products;

	private final JdbcAggregateTemplate rows;

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	EvidenceRecorder(ProductService products, JdbcAggregateTemplate rows, JdbcClient jdbc,
			ApplicationEventPublisher events, Clock clock) {
		this.products = products;
		this.rows = rows;
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Checks one entry for {@code partNumber} without saving it; throws
	 * {@link InvalidInput} naming each wrong field.
	 */
	@Transactional(readOnly = true)
	public void check(String partNumber, EvidenceEntry<?> entry) {
		check(products.get(partNumber), entry, null);
	}

	@Transactional
	public <T extends EvidenceRow> T record(String partNumber, EvidenceEntry<T> entry, String recordedBy) {
		Product product = locked(products.get(partNumber));
		check(product, entry, null);
		T row = inserted(product, entry,
				() -> rows.insert(entry.toRow(null, product.id(), recordedBy, clock.instant())));
		contributed(product, recordedBy);
		events.publishEvent(new EvidenceRecorded(product.partNumber(), entry.kind(), List.of(row), recordedBy));
		return row;
	}

	/**
	 * Replaces the values of an existing entry, for a stated reason; who first recorded
	 * it and when stay as they were, and the values before and after go to the audit
	 * trail.
	 */
	@Transactional
	public <T extends EvidenceRow> T edit(String partNumber, long id, EvidenceEntry<T> entry, String reason,
			String editedBy) {
		Product product = locked(products.get(partNumber));
		EvidenceKind kind = entry.kind();
		EvidenceRow before = rows.findById(id, kind.rowType());
		if (before == null || before.productId() != product.id()) {
			throw new InvalidInput("id",
					"no such " + kind.label().toLowerCase() + " entry " + id + " for product " + partNumber);
		}
		Checks checks = new Checks();
		checks.text("reason", reason, 500);
		entry.check(checks, LocalDate.now(clock));
		throwIfAny(checks, product, entry, id);
		T row = inserted(product, entry,
				() -> rows.update(entry.toRow(id, product.id(), before.recordedBy(), before.recordedAt())));
		contributed(product, editedBy);
		events.publishEvent(new EvidenceChanged(product.partNumber(), kind, id, before, row, reason.strip(), editedBy));
		return row;
	}

	/**
	 * Records many entries (an import) in one transaction: all are checked first, and if
	 * any is wrong nothing is written and the exception lists each wrong row's fields as
	 * {@code row N: field}. {@code progress} hears how many have been written so far.
	 */
	@Transactional
	public int recordAll(List<ImportRow> entries, String recordedBy, IntConsumer progress) {
		Map<String, Product> byPartNumber = new LinkedHashMap<>();
		List<InvalidInput.FieldProblem> problems = new ArrayList<>();
		Map<String, Long> uniqueInFile = new java.util.HashMap<>();
		for (ImportRow row : entries) {
			try {
				Product product = byPartNumber.computeIfAbsent(row.partNumber(), products::get);
				check(product, row.entry(), null);
				String unique = row.entry().uniqueValue();
				if (unique != null) {
					Long first = uniqueInFile.putIfAbsent(row.partNumber() + "\u0000" + unique, row.line());
					if (first != null) {
						throw new InvalidInput(row.entry().kind().uniqueField(),
								unique + " appears already on row " + first);
					}
				}
			}
			catch (InvalidInput invalid) {
				invalid.problems()
					.forEach(p -> problems
						.add(new InvalidInput.FieldProblem("row " + row.line() + ": " + p.field(), p.message())));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInput(problems);
		}
		// every product's lock first, in one order, so two imports cannot deadlock
		byPartNumber.values().stream().sorted(java.util.Comparator.comparingLong(Product::id)).forEach(this::locked);
		Instant now = clock.instant();
		Map<Product, Map<EvidenceKind, List<EvidenceRow>>> written = new LinkedHashMap<>();
		int count = 0;
		for (ImportRow row : entries) {
			Product product = byPartNumber.get(row.partNumber());
			EvidenceRow saved = inserted(product, row.entry(),
					() -> rows.insert(row.entry().toRow(null, product.id(), recordedBy, now)));
			written.computeIfAbsent(product, p -> new LinkedHashMap<>())
				.computeIfAbsent(row.entry().kind(), k -> new ArrayList<>())
				.add(saved);
			progress.accept(++count);
		}
		written.forEach((product, kinds) -> {
			contributed(product, recordedBy);
			kinds.forEach((kind, saved) -> events
				.publishEvent(new EvidenceRecorded(product.partNumber(), kind, saved, recordedBy)));
		});
		return count;
	}

	private void check(Product product, EvidenceEntry<?> entry, Long editedId) {
		Checks checks = new Checks();
		entry.check(checks, LocalDate.now(clock));
		throwIfAny(checks, product, entry, editedId);
	}

	/**
	 * Throws what is wrong with the entry: every wrong field (400), and a value that must
	 * be unique per product (a batch number, a change number) and is taken among them; a
	 * taken value alone is a {@link Conflict} (409), whether it was taken long ago or a
	 * moment ago by a concurrent request (the unique key decides the race the check
	 * cannot see: {@link #inserted}).
	 */
	private void throwIfAny(Checks checks, Product product, EvidenceEntry<?> entry, Long editedId) {
		EvidenceKind kind = entry.kind();
		String unique = entry.uniqueValue();
		String taken = null;
		if (unique != null && checks.ok(kind.uniqueField())
				&& jdbc
					.sql("select count(*) from " + kind.table() + " where product_id = :product and "
							+ kind.uniqueColumn() + " = :value and id <> :id")
					.param("product", product.id())
					.param("value", unique)
					.param("id", editedId == null ? -1L : editedId)
					.query(Long.class)
					.single() > 0) {
			taken = unique + " is already recorded for " + product.partNumber();
			checks.fail(kind.uniqueField(), taken);
		}
		try {
			checks.throwIfAny();
		}
		catch (InvalidInput invalid) {
			if (taken != null && invalid.problems().size() == 1) {
				throw new Conflict(kind.uniqueField(), taken);
			}
			throw invalid;
		}
	}

	/**
	 * Writes a row whose unique value ({@link EvidenceEntry#uniqueValue()}) was checked
	 * free: if a concurrent request took it between the check and the write, the unique
	 * key lets one win and this one is a {@link Conflict} naming the value.
	 */
	private <T> T inserted(Product product, EvidenceEntry<?> entry, java.util.function.Supplier<T> write) {
		try {
			return write.get();
		}
		catch (RuntimeException raced) {
			Conflict collision = Conflict.of(raced);
			if (collision != null && "key".equals(collision.field()) && entry.uniqueValue() != null) {
				throw new Conflict(entry.kind().uniqueField(),
						entry.uniqueValue() + " is already recorded for " + product.partNumber()
								+ " (at the same moment, by another request); nothing was saved by this one");
			}
			throw raced;
		}
	}

	/**
	 * Locks the product's row for the rest of the transaction, before anything of it is
	 * read or written: writers of evidence of one product pass one at a time, so a check
	 * (a free batch number, a missing contributor) still holds when its insert follows.
	 * First, because inserting evidence takes a share lock on the product (its foreign
	 * key) and two writers each holding that and then asking for this lock would
	 * deadlock. Writes of one product were serialised by the audit trail's head anyway
	 * (ADR 0006); this only moves the wait to the start.
	 */
	private Product locked(Product product) {
		jdbc.sql("select id from product where id = :product for update")
			.param("product", product.id())
			.query(Long.class)
			.single();
		return product;
	}

	/**
	 * Adds {@code by} to the product's contributors once; the caller holds the product's
	 * lock ({@link #locked}), so two writers cannot both find the row missing.
	 */
	private void contributed(Product product, String by) {
		int known = jdbc
			.sql("select count(*) from evidence_contributor where product_id = :product and username = :user")
			.param("product", product.id())
			.param("user", by)
			.query(Integer.class)
			.single();
		if (known == 0) {
			jdbc.sql("insert into evidence_contributor (product_id, username) values (:product, :user)")
				.param("product", product.id())
				.param("user", by)
				.update();
		}
	}

	/**
	 * One entry of an import, with the product it belongs to and the line it came from.
	 */
	public record ImportRow(long line, String partNumber, EvidenceEntry<?> entry) {
	}

}
