package io.scalegate.product;

import io.scalegate.base.CsvCell;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;

/**
 * The products list as a file: exactly the products a {@link ProductFilter} finds, in the
 * list's order, with the list's columns (part number, name, customer, stage, gate, rules,
 * owner, registered), read from the database page by page. CSV (RFC 4180, every cell
 * quoted, text a user chose {@linkplain CsvCell#text never run as a formula}) or an Excel
 * workbook (streamed with POI's SXSSF: a bold header row, the rules version a number, the
 * registration a date, text that starts like a formula stored as quoted text).
 */
@Component
public class ProductExport {

	public static final List<String> HEADER = List.of("Part number", "Name", "Customer", "Stage", "Gate", "Rules",
			"Owner", "Registered");

	private static final int PAGE = 1000;

	private final ProductSearch search;

	ProductExport(ProductSearch search) {
		this.search = search;
	}

	/** Writes the products as CSV; returns how many. */
	public long csv(ProductFilter filter, Sort sort, Writer out) {
		long[] written = { 0 };
		try {
			CSVPrinter csv = new CSVPrinter(out,
					CSVFormat.RFC4180.builder()
						.setHeader(HEADER.toArray(String[]::new))
						.setQuoteMode(QuoteMode.ALL)
						.get());
			each(filter, sort, product -> {
				try {
					csv.printRecord(CsvCell.text(product.partNumber()), CsvCell.text(product.name()),
							CsvCell.text(product.customer()), product.stage().label(), gate(product),
							product.gateRulesVersion() == null ? "" : product.gateRulesVersion(),
							CsvCell.text(product.owner()),
							product.registeredAt().atOffset(ZoneOffset.UTC).toLocalDate());
				}
				catch (IOException e) {
					throw new UncheckedIOException(e);
				}
				written[0]++;
			});
			csv.flush();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return written[0];
	}

	/** Writes the products as an Excel workbook (.xlsx); returns how many. */
	public long xlsx(ProductFilter filter, Sort sort, OutputStream out) {
		SXSSFWorkbook workbook = new SXSSFWorkbook(100);
		try {
			SXSSFSheet sheet = workbook.createSheet("Products");
			Font bold = workbook.createFont();
			bold.setBold(true);
			CellStyle header = workbook.createCellStyle();
			header.setFont(bold);
			CellStyle date = workbook.createCellStyle();
			date.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
			CellStyle quoted = workbook.createCellStyle();
			quoted.setQuotePrefixed(true);
			Row head = sheet.createRow(0);
			for (int i = 0; i < HEADER.size(); i++) {
				Cell cell = head.createCell(i);
				cell.setCellValue(HEADER.get(i));
				cell.setCellStyle(header);
			}
			sheet.createFreezePane(0, 1);
			int[] row = { 1 };
			each(filter, sort, product -> {
				Row line = sheet.createRow(row[0]++);
				text(line, 0, product.partNumber(), quoted);
				text(line, 1, product.name(), quoted);
				text(line, 2, product.customer(), quoted);
				text(line, 3, product.stage().label(), quoted);
				text(line, 4, gate(product), quoted);
				if (product.gateRulesVersion() != null) {
					line.createCell(5).setCellValue(product.gateRulesVersion());
				}
				text(line, 6, product.owner(), quoted);
				Cell registered = line.createCell(7);
				registered.setCellValue(LocalDateTime.ofInstant(product.registeredAt(), ZoneOffset.UTC));
				registered.setCellStyle(date);
			});
			setWidths(sheet);
			workbook.write(out);
			return row[0] - 1L;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		finally {
			workbook.dispose();
			try {
				workbook.close();
			}
			catch (IOException ignored) {
				// the temporary files are gone with dispose()
			}
		}
	}

	/**
	 * The gate column as the list shows it: "—" once the lifecycle ended, else the
	 * verdict in words ("ready", "2 blockers, recycle", "not evaluated").
	 */
	public static String gate(Product product) {
		if (!product.stage().running()) {
			return "—";
		}
		String recommendation = product.gateRecommendation();
		int n = product.blockers().size();
		return recommendation == null ? "not evaluated"
				: ProductFilter.READY.equals(recommendation) ? "ready"
						: "ONE_STOP_SCALE_PLANNING".equals(recommendation) ? "ready: one-stop"
								: (n == 1 ? "1 blocker" : n + " blockers")
										+ ("RECYCLE_TO_PROTOTYPE".equals(recommendation) ? ", recycle" : "");
	}

	private void each(ProductFilter filter, Sort sort, Consumer<Product> write) {
		Sort order = (sort == null ? Sort.unsorted() : sort).and(Sort.by("partNumber"));
		for (int page = 0;; page++) {
			List<Product> products = search.page(filter, PageRequest.of(page, PAGE, order));
			products.forEach(write);
			if (products.size() < PAGE) {
				return;
			}
		}
	}

	/**
	 * A text cell; one a spreadsheet would read as a formula ({@code = + - @}, also after
	 * blanks) is marked quoted text, so that editing it keeps it text.
	 */
	private static void text(Row row, int column, String value, CellStyle quoted) {
		Cell cell = row.createCell(column);
		cell.setCellValue(value);
		if (value != null && !value.equals(CsvCell.text(value)) && !value.startsWith("'")) {
			cell.setCellStyle(quoted);
		}
	}

	private static void setWidths(Sheet sheet) {
		int[] widths = { 16, 36, 28, 18, 20, 8, 16, 12 };
		for (int i = 0; i < widths.length; i++) {
			sheet.setColumnWidth(i, widths[i] * 256);
		}
	}

}
