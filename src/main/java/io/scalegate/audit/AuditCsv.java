package io.scalegate.audit;

import io.scalegate.base.CsvCell;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.function.LongConsumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;
import org.springframework.stereotype.Component;

/**
 * Exports trail entries as CSV (RFC 4180), oldest first, with their hashes and key ids so
 * a copy can be checked too. Text a user chose (actor, subject, details) is written
 * {@linkplain CsvCell#text so that no spreadsheet runs it as a formula}; the id is a
 * number and the time, action, hashes and key id are ScaleGate's own.
 */
@Component
public class AuditCsv {

	static final String[] HEADER = { "id", "occurredAt", "actor", "action", "subjectType", "subjectId", "details",
			"previousHash", "entryHash", "keyId" };

	private final AuditSearch search;

	AuditCsv(AuditSearch search) {
		this.search = search;
	}

	/**
	 * Writes every entry {@code query} matches; {@code progress} hears the number written
	 * so far.
	 */
	public long write(AuditQuery query, Writer out, LongConsumer progress) {
		long[] written = { 0 };
		try (CSVPrinter csv = new CSVPrinter(out,
				CSVFormat.RFC4180.builder().setHeader(HEADER).setQuoteMode(QuoteMode.ALL).get())) {
			search.each(query, entry -> {
				try {
					csv.printRecord(entry.id(), entry.occurredAt(), CsvCell.text(entry.actor()), entry.action(),
							entry.subjectType(), CsvCell.text(entry.subjectId()), CsvCell.text(entry.details()),
							entry.previousHash(), entry.entryHash(), entry.keyId());
				}
				catch (IOException e) {
					throw new UncheckedIOException(e);
				}
				if (++written[0] % 500 == 0) {
					progress.accept(written[0]);
				}
			});
			csv.flush();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		progress.accept(written[0]);
		return written[0];
	}

}
