package io.scalegate.evidence;

import io.scalegate.base.InvalidInput;
import io.scalegate.evidence.EvidenceRecorder.ImportRow;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntConsumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.stereotype.Component;

/**
 * Reads order history and small-batch records from CSV (RFC 4180, a header row, comma or
 * semicolon). Every row is parsed and checked as the recorder would check it, so the
 * preview lists every wrong row and field before anything is written. Columns are named
 * like the API's fields.
 */
@Component
public class EvidenceCsv {

	/** The columns each importable kind needs, in the order a template shows them. */
	public static final Map<EvidenceKind, List<String>> COLUMNS = Map.of(EvidenceKind.ORDER,
			List.of("partNumber", "orderMonth", "quantity", "customer"), EvidenceKind.SMALL_BATCH,
			List.of("partNumber", "batchNumber", "quantity", "dimensionalResult", "finishResult", "inspectionResult",
					"promisedOn", "deliveredOn"));

	public static final int MAX_ROWS = 100_000;

	private final EvidenceRecorder recorder;

	EvidenceCsv(EvidenceRecorder recorder) {
		this.recorder = recorder;
	}

	/**
	 * Parses and checks the file; {@code progress} hears how many rows have been read.
	 */
	public ParsedImport parse(EvidenceKind kind, String text, IntConsumer progress) {
		List<String> columns = COLUMNS.get(kind);
		if (columns == null) {
			throw new InvalidInput("kind", kind.label() + " cannot be imported from CSV");
		}
		List<ImportRow> rows = new ArrayList<>();
		List<RowProblem> problems = new ArrayList<>();
		Map<String, Long> uniqueInFile = new HashMap<>();
		char delimiter = firstLine(text).chars().filter(c -> c == ';').count() > firstLine(text).chars()
			.filter(c -> c == ',')
			.count() ? ';' : ',';
		CSVFormat format = CSVFormat.RFC4180.builder()
			.setDelimiter(delimiter)
			.setHeader()
			.setSkipHeaderRecord(true)
			.setIgnoreHeaderCase(true)
			.setTrim(true)
			.setIgnoreEmptyLines(true)
			.get();
		try (CSVParser parser = CSVParser.parse(text, format)) {
			Map<String, Integer> header = parser.getHeaderMap();
			List<String> missing = columns.stream()
				.filter(column -> header.keySet().stream().noneMatch(h -> h.equalsIgnoreCase(column)))
				.filter(column -> !column.equals("deliveredOn"))
				.toList();
			if (!missing.isEmpty()) {
				throw new InvalidInput("file", "the header row lacks the column" + (missing.size() == 1 ? " " : "s ")
						+ String.join(", ", missing) + "; expected " + String.join(",", columns));
			}
			for (CSVRecord record : parser) {
				long line = parser.getCurrentLineNumber();
				if (rows.size() + problems.size() >= MAX_ROWS) {
					throw new InvalidInput("file", "has more than " + MAX_ROWS + " rows; split it");
				}
				Map<String, String> values = new HashMap<>();
				record.toMap().forEach((name, value) -> values.put(name.toLowerCase(Locale.ROOT), value));
				List<RowProblem> rowProblems = new ArrayList<>();
				EvidenceEntry<?> entry = kind == EvidenceKind.ORDER ? order(values, line, rowProblems)
						: batch(values, line, rowProblems);
				String partNumber = values.getOrDefault("partnumber", "");
				if (rowProblems.isEmpty()) {
					try {
						recorder.check(partNumber, entry);
						String unique = entry.uniqueValue();
						Long first = unique == null ? null
								: uniqueInFile.putIfAbsent(partNumber + "\u0000" + unique, line);
						if (first != null) {
							rowProblems.add(new RowProblem(line, kind.uniqueField(),
									unique + " appears already on row " + first));
						}
					}
					catch (InvalidInput invalid) {
						invalid.problems().forEach(p -> rowProblems.add(new RowProblem(line, p.field(), p.message())));
					}
				}
				if (rowProblems.isEmpty()) {
					rows.add(new ImportRow(line, partNumber, entry));
				}
				problems.addAll(rowProblems);
				progress.accept(rows.size() + (int) problems.stream().map(RowProblem::line).distinct().count());
			}
		}
		catch (IOException | IllegalStateException | java.io.UncheckedIOException malformed) {
			throw new InvalidInput("file", "is not valid CSV: " + malformed.getMessage());
		}
		return new ParsedImport(kind, rows, problems);
	}

	private static OrderEntry order(Map<String, String> values, long line, List<RowProblem> problems) {
		return new OrderEntry(month(values, "orderMonth", line, problems), integer(values, "quantity", line, problems),
				values.get("customer"));
	}

	private static SmallBatchEntry batch(Map<String, String> values, long line, List<RowProblem> problems) {
		return new SmallBatchEntry(values.get("batchnumber"), integer(values, "quantity", line, problems),
				result(values, "dimensionalResult", line, problems), result(values, "finishResult", line, problems),
				result(values, "inspectionResult", line, problems), date(values, "promisedOn", line, problems),
				date(values, "deliveredOn", line, problems));
	}

	private static String raw(Map<String, String> values, String column) {
		String value = values.get(column.toLowerCase(Locale.ROOT));
		return value == null || value.isBlank() ? null : value.strip();
	}

	private static Integer integer(Map<String, String> values, String column, long line, List<RowProblem> problems) {
		String value = raw(values, column);
		try {
			return value == null ? null : new BigDecimal(value).intValueExact();
		}
		catch (NumberFormatException | ArithmeticException e) {
			problems.add(new RowProblem(line, column,
					"'" + shortened(value) + "' is not a whole number"
							+ (e instanceof ArithmeticException && !value.contains(".")
									? " from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE : "")));
			return null;
		}
	}

	private static LocalDate date(Map<String, String> values, String column, long line, List<RowProblem> problems) {
		String value = raw(values, column);
		try {
			return value == null ? null : LocalDate.parse(value);
		}
		catch (DateTimeParseException e) {
			problems.add(new RowProblem(line, column, "'" + value + "' is not a date like 2026-11-25"));
			return null;
		}
	}

	private static LocalDate month(Map<String, String> values, String column, long line, List<RowProblem> problems) {
		String value = raw(values, column);
		if (value != null && value.length() == 7) {
			try {
				return YearMonth.parse(value).atDay(1);
			}
			catch (DateTimeParseException e) {
				// reported below as a date
			}
		}
		return date(values, column, line, problems);
	}

	private static Result result(Map<String, String> values, String column, long line, List<RowProblem> problems) {
		String value = raw(values, column);
		try {
			return value == null ? null : Result.valueOf(value.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			problems.add(new RowProblem(line, column, "'" + value + "' is neither PASS nor FAIL"));
			return null;
		}
	}

	private static String shortened(String value) {
		return value.length() > 40 ? value.substring(0, 40) + "…" : value;
	}

	private static String firstLine(String text) {
		int end = text.indexOf('\n');
		return end < 0 ? text : text.substring(0, end);
	}

	/** One wrong field of one row. */
	public record RowProblem(long line, String field, String message) {
	}

	/** What a file holds: the rows ready to record and the problems of the others. */
	public record ParsedImport(EvidenceKind kind, List<ImportRow> rows, List<RowProblem> problems) {

		public boolean committable() {
			return problems.isEmpty() && !rows.isEmpty();
		}

	}

}
