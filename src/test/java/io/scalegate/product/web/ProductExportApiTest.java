package io.scalegate.product.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.scalegate.ScaleGateTest;
import io.scalegate.product.Product;
import io.scalegate.product.ProductExport;
import io.scalegate.product.ProductRegistration;
import io.scalegate.product.ProductService;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The products export ({@code GET /api/products?format=csv|xlsx}): exactly the products
 * the filters find, with the list's columns; CSV and Excel read back; a name that starts
 * like a formula stays text in both.
 */
@ScaleGateTest
class ProductExportApiTest {

	static final String FORMULA = "=HYPERLINK(\"http://evil.example\",\"click\")";

	@LocalServerPort
	int port;

	@Autowired
	ProductService products;

	@Autowired
	IdentityService identity;

	@Autowired
	ObjectMapper json;

	final HttpClient http = HttpClient.newHttpClient();

	String customer;

	Product formula;

	Product plain;

	@BeforeEach
	void twoProductsOfOneCustomerAndOneOfAnother() {
		customer = "Export Co " + UUID.randomUUID().toString().substring(0, 6);
		formula = register("EXA-" + suffix(), FORMULA, customer);
		plain = register("EXB-" + suffix(), "Plain bracket", customer);
		register("EXC-" + suffix(), "Someone else's part", "Other Co " + suffix());
	}

	@Test
	void csvHoldsTheFilteredProductsWithTheListsColumnsAndNoFormula() throws Exception {
		HttpResponse<byte[]> response = get("/api/products?format=csv&customer=" + encode(customer));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
		assertThat(response.headers().firstValue("Content-Disposition"))
			.hasValueSatisfying(d -> assertThat(d).contains("scalegate-products.csv"));
		List<CSVRecord> rows = CSVFormat.RFC4180.builder()
			.setHeader()
			.get()
			.parse(new StringReader(new String(response.body(), StandardCharsets.UTF_8)))
			.getRecords();
		assertThat(rows.get(0).getParser().getHeaderNames()).isEqualTo(ProductExport.HEADER);
		assertThat(rows).extracting(r -> r.get("Part number"))
			.containsExactly(formula.partNumber(), plain.partNumber());
		CSVRecord first = rows.get(0);
		assertThat(first.get("Name")).isEqualTo("'" + FORMULA);
		assertThat(first.get("Customer")).isEqualTo(customer);
		assertThat(first.get("Stage")).isEqualTo("Prototype");
		assertThat(first.get("Owner")).isEqualTo("engineer");
		assertThat(first.get("Registered"))
			.isEqualTo(LocalDate.ofInstant(formula.registeredAt(), ZoneOffset.UTC).toString());
		assertThat(rows.get(1).get("Name")).isEqualTo("Plain bracket");

		// the search narrows it further: one product
		HttpResponse<byte[]> one = get(
				"/api/products?format=csv&customer=" + encode(customer) + "&q=" + encode(plain.partNumber()));
		assertThat(new String(one.body(), StandardCharsets.UTF_8).lines().skip(1).toList()).singleElement()
			.satisfies(line -> assertThat(line).startsWith("\"" + plain.partNumber() + "\""));
	}

	@Test
	void excelHoldsTypedCellsABoldHeaderAndFormulasAsText() throws Exception {
		HttpResponse<byte[]> response = get("/api/products?format=xlsx&customer=" + encode(customer));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).contains(ProductApi.XLSX);
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.body()))) {
			Sheet sheet = workbook.getSheetAt(0);
			assertThat(sheet.getLastRowNum()).isEqualTo(2);
			Row header = sheet.getRow(0);
			for (int i = 0; i < ProductExport.HEADER.size(); i++) {
				assertThat(header.getCell(i).getStringCellValue()).isEqualTo(ProductExport.HEADER.get(i));
				assertThat(workbook.getFontAt(header.getCell(i).getCellStyle().getFontIndex()).getBold()).isTrue();
			}
			Row first = sheet.getRow(1);
			assertThat(first.getCell(0).getStringCellValue()).isEqualTo(formula.partNumber());
			assertThat(first.getCell(1).getCellType()).isEqualTo(CellType.STRING);
			assertThat(first.getCell(1).getStringCellValue()).isEqualTo(FORMULA);
			assertThat(first.getCell(1).getCellStyle().getQuotePrefixed()).isTrue();
			assertThat(first.getCell(3).getStringCellValue()).isEqualTo("Prototype");
			assertThat(first.getCell(7).getCellType()).isEqualTo(CellType.NUMERIC);
			assertThat(DateUtil.isCellDateFormatted(first.getCell(7))).isTrue();
			assertThat(first.getCell(7).getLocalDateTimeCellValue().toLocalDate())
				.isEqualTo(LocalDate.ofInstant(formula.registeredAt(), ZoneOffset.UTC));
			Row second = sheet.getRow(2);
			assertThat(second.getCell(0).getStringCellValue()).isEqualTo(plain.partNumber());
			assertThat(second.getCell(1).getCellStyle().getQuotePrefixed()).isFalse();
		}
	}

	@Test
	void anUnknownFormatIsRefusedNamingIt() throws Exception {
		HttpResponse<byte[]> response = get("/api/products?format=pdf");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(json.readTree(response.body()).path("errors").get(0).path("field").asText()).isEqualTo("format");
	}

	HttpResponse<byte[]> get(String path) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString("auditor:demo".getBytes(StandardCharsets.UTF_8)))
			.GET()
			.build(), BodyHandlers.ofByteArray());
	}

	Product register(String partNumber, String name, String customer) {
		identity.setAuthentication("engineer", List.of("ENGINEER"));
		try {
			return products.register(new ProductRegistration(partNumber, name, customer, "A", "engineer", false, false),
					"engineer");
		}
		finally {
			identity.clearAuthentication();
		}
	}

	static String suffix() {
		return UUID.randomUUID().toString().substring(0, 6).toUpperCase();
	}

	static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
	}

}
