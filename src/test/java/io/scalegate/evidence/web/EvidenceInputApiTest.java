package io.scalegate.evidence.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scalegate.ScaleGateTest;
import io.scalegate.evidence.EvidenceCsv;
import io.scalegate.evidence.EvidenceKind;
import io.scalegate.evidence.EvidenceRows;
import io.scalegate.product.ProductService;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Numbers and dates at the edge of what the columns hold: each is refused with a 400
 * naming the field and the allowed range, before the database could round it or refuse it
 * with a 500 (PostgreSQL refuses what does not fit {@code numeric(p, s)}; H2 may round).
 * Runs on H2 and PostgreSQL.
 */
@ScaleGateTest
class EvidenceInputApiTest {

	static final String YESTERDAY = LocalDate.now().minusDays(1).toString();

	@LocalServerPort
	int port;

	@Autowired
	ObjectMapper json;

	@Autowired
	ProductService products;

	@Autowired
	EvidenceRows recorded;

	@Autowired
	EvidenceCsv csv;

	final HttpClient http = HttpClient.newHttpClient();

	HttpResponse<String> post(String path, String user, String body) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
			.header("Content-Type", "application/json")
			.POST(BodyPublishers.ofString(body))
			.build(), BodyHandlers.ofString());
	}

	String aProduct() throws Exception {
		String partNumber = "NUM-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		HttpResponse<String> created = post("/api/products", "engineer",
				"""
						{"partNumber": "%s", "name": "Shaft", "customer": "Kestrel Pumps", "revision": "A", "owner": "engineer"}"""
					.formatted(partNumber));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return partNumber;
	}

	/** The message of the one error naming {@code field}. */
	String errorOn(HttpResponse<String> response, String field) throws Exception {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
		for (JsonNode error : json.readTree(response.body()).path("errors")) {
			if (error.path("field").asText().equals(field)) {
				return error.path("message").asText();
			}
		}
		throw new AssertionError("no error on " + field + ": " + response.body());
	}

	static String cost(String field, String value) {
		String body = """
				{"estimatedOn": "%s", "currency": "EUR", "smallBatchUnitCost": 12.5, "massUnitCost": 4.2,
				 "toolingInvestment": 60000, "forecastAnnualVolume": 24000}""".formatted(YESTERDAY);
		return body.replaceFirst("\"" + field + "\": [^,}]+", "\"" + field + "\": " + value);
	}

	static String study(String field, String value) {
		String body = """
				{"characteristic": "Bore", "studiedOn": "%s", "lowerSpecLimit": 9.9, "upperSpecLimit": 10.1,
				 "mean": 10.0, "standardDeviation": 0.02, "sampleSize": 50}""".formatted(YESTERDAY);
		return body.replaceFirst("\"" + field + "\": [^,}]+", "\"" + field + "\": " + value);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"smallBatchUnitCost|12345678901|must be from 0 to 9999999999.9999 with at most 4 decimal places",
			"massUnitCost|1e400|must be from 0 to 9999999999.9999 with at most 4 decimal places",
			"massUnitCost|-0.5|must be from 0 to 9999999999.9999 with at most 4 decimal places",
			"smallBatchUnitCost|1.23456|must be from 0 to 9999999999.9999 with at most 4 decimal places",
			"toolingInvestment|100000000000000|must be from 0 to 99999999999999.99 with at most 2 decimal places",
			"toolingInvestment|-1e400|must be from 0 to 99999999999999.99 with at most 2 decimal places",
			"estimatedOn|\"+999999999-12-31\"|must not be in the future",
			"estimatedOn|\"1000-01-01\"|must be from 1900-01-01 to 9999-12-31" })
	void aCostOutsideWhatItsColumnHoldsIsRefusedNamingTheFieldAndTheRange(String field, String value, String message)
			throws Exception {
		String partNumber = aProduct();

		HttpResponse<String> refused = post("/api/products/" + partNumber + "/cost-estimates", "engineer",
				cost(field, value));

		assertThat(errorOn(refused, field)).isEqualTo(message);
		assertThat(recorded.of(EvidenceKind.COST_ESTIMATE, products.get(partNumber).id())).isEmpty();
	}

	@Test
	void theLargestCostsTheColumnsHoldAreKept() throws Exception {
		String partNumber = aProduct();

		HttpResponse<String> created = post("/api/products/" + partNumber + "/cost-estimates", "engineer",
				cost("smallBatchUnitCost", "9999999999.9999").replace("\"toolingInvestment\": 60000",
						"\"toolingInvestment\": 99999999999999.99"));

		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"standardDeviation|1e-7|must be from 0.000001 to 999999999999.999999 with at most 6 decimal places",
			"standardDeviation|0|must be from 0.000001 to 999999999999.999999 with at most 6 decimal places",
			"mean|1e400|must be from -999999999999.999999 to 999999999999.999999 with at most 6 decimal places",
			"lowerSpecLimit|-1000000000000|must be from -999999999999.999999 to 999999999999.999999 with at most 6 decimal places",
			"upperSpecLimit|12345678901234567890|must be from -999999999999.999999 to 999999999999.999999 with at most 6 decimal places",
			"studiedOn|\"0001-01-01\"|must be from 1900-01-01 to 9999-12-31" })
	void aCapabilityStudyOutsideWhatItsColumnsHoldIsRefusedNamingTheField(String field, String value, String message)
			throws Exception {
		String partNumber = aProduct();

		HttpResponse<String> refused = post("/api/products/" + partNumber + "/capability-studies", "quality",
				study(field, value));

		assertThat(errorOn(refused, field)).isEqualTo(message);
		assertThat(recorded.of(EvidenceKind.CAPABILITY_STUDY, products.get(partNumber).id())).isEmpty();
	}

	@Test
	void theSmallestStandardDeviationTheColumnKeepsIsKeptAsGiven() throws Exception {
		String partNumber = aProduct();

		HttpResponse<String> created = post("/api/products/" + partNumber + "/capability-studies", "quality",
				study("standardDeviation", "0.000001"));

		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		assertThat(json.readTree(created.body()).path("standardDeviation").decimalValue())
			.isEqualByComparingTo("0.000001");
	}

	@Test
	void aWholeNumberBeyondAnIntegerColumnIsRefusedNamingTheField() throws Exception {
		String partNumber = aProduct();

		HttpResponse<String> refused = post("/api/products/" + partNumber + "/orders", "engineer", """
				{"orderMonth": "%s", "quantity": 12345678901, "customer": "Kestrel Pumps"}""".formatted(YESTERDAY));

		assertThat(errorOn(refused, "quantity")).contains("12345678901");
	}

	@Test
	void textWithAControlCharacterIsRefusedNamingTheField() throws Exception {
		String partNumber = aProduct();

		HttpResponse<String> refused = post("/api/products/" + partNumber + "/feedback", "engineer", """
				{"receivedOn": "%s", "customer": "Kestrel\\u0000Pumps", "rating": "POSITIVE"}""".formatted(YESTERDAY));

		assertThat(errorOn(refused, "customer"))
			.isEqualTo("must not contain control characters (other than tabs and line breaks)");
	}

	@Test
	void anImportRowBeyondTheColumnsOrWithABadPartNumberIsNamedByRowAndField() throws Exception {
		String partNumber = aProduct();

		EvidenceCsv.ParsedImport parsed = csv.parse(EvidenceKind.ORDER, """
				partNumber,orderMonth,quantity,customer
				%s,2026-01,12345678901,Kestrel
				%s,1800-01,10,Kestrel
				../%s,2026-01,10,Kestrel
				""".formatted(partNumber, partNumber, partNumber), read -> {
		});

		assertThat(parsed.rows()).isEmpty();
		assertThat(parsed.problems()).extracting(p -> p.line() + " " + p.field() + ": " + p.message())
			.containsExactly("2 quantity: '12345678901' is not a whole number from -2147483648 to 2147483647",
					"3 orderMonth: must be from 1900-01-01 to 9999-12-31",
					"4 partNumber: use 2 to 64 letters (A-Z, a-z), digits, '.', '_' or '-', starting and ending with a letter or digit");
	}

}
