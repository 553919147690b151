package io.scalegate.evidence.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scalegate.ScaleGateTest;
import io.scalegate.evidence.EvidenceKind;
import io.scalegate.evidence.EvidenceRows;
import io.scalegate.product.ProductService;
import io.scalegate.security.ApiTokens;
import io.scalegate.security.IssuedToken;
import io.scalegate.security.Role;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The integration API end to end over HTTP: every endpoint, bad bodies, unknown products,
 * idempotency, tokens, roles.
 */
@ScaleGateTest
class IntegrationApiTest {

	static final String YESTERDAY = LocalDate.now().minusDays(1).toString();

	@LocalServerPort
	int port;

	@Autowired
	ApiTokens tokens;

	@Autowired
	ProductService products;

	@Autowired
	EvidenceRows recorded;

	@Autowired
	ObjectMapper json;

	final HttpClient http = HttpClient.newHttpClient();

	/**
	 * A request as {@code user} (Basic, password demo), or with a Bearer token when
	 * {@code user} starts with sgt_.
	 */
	HttpResponse<String> call(String method, String path, String user, String body, String... headers)
			throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body));
		if (user != null && user.startsWith("sgt_")) {
			request.header("Authorization", "Bearer " + user);
		}
		else if (user != null) {
			request.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
		}
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		return http.send(request.build(), BodyHandlers.ofString());
	}

	JsonNode body(HttpResponse<String> response) throws Exception {
		return json.readTree(response.body());
	}

	String aProduct() throws Exception {
		String partNumber = "API-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		HttpResponse<String> created = call("POST", "/api/products", "engineer", """
				{"partNumber": "%s", "name": "Pump housing", "customer": "Kestrel Pumps", "revision": "B",
				 "owner": "engineer", "unitCostReductionPriority": true}""".formatted(partNumber));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return partNumber;
	}

	List<String> errorFields(HttpResponse<String> response) throws Exception {
		List<String> fields = new ArrayList<>();
		body(response).path("errors").forEach(error -> fields.add(error.path("field").asText()));
		return fields;
	}

	@Test
	void anEngineerRegistersAProductAndReadsItBack() throws Exception {
		String partNumber = aProduct();

		HttpResponse<String> read = call("GET", "/api/products/" + partNumber, "auditor", null);

		assertThat(read.statusCode()).isEqualTo(200);
		assertThat(body(read).path("stage").asText()).isEqualTo("PROTOTYPE");
		assertThat(body(read).path("stages").get(0).path("stage").asText()).isEqualTo("PROTOTYPE");
		HttpResponse<String> list = call("GET", "/api/products?q=" + partNumber + "&stage=PROTOTYPE", "auditor", null);
		assertThat(body(list).path("total").asLong()).isEqualTo(1);
		assertThat(body(list).path("items").get(0).path("partNumber").asText()).isEqualTo(partNumber);
	}

	@Test
	void asksForCredentialsAndRefusesTheWrongRole() throws Exception {
		HttpResponse<String> anonymous = call("GET", "/api/products", null, null);
		assertThat(anonymous.statusCode()).isEqualTo(401);
		assertThat(anonymous.headers().firstValue("WWW-Authenticate"))
			.hasValueSatisfying(v -> assertThat(v).contains("Bearer", "Basic"));
		assertThat(call("GET", "/api/products", "engineer", null).statusCode()).isEqualTo(200);
		assertThat(call("GET", "/api/products", "nobody", null).statusCode()).isEqualTo(401);

		HttpResponse<String> quality = call("POST", "/api/products", "quality", "{}");
		assertThat(quality.statusCode()).isEqualTo(403);
		assertThat(body(quality).path("detail").asText()).contains("POST /api/products");
		String partNumber = aProduct();
		assertThat(call("POST", "/api/products/" + partNumber + "/design-changes", "quality",
				"{\"changeNumber\": \"DC-1\", \"changedOn\": \"" + YESTERDAY + "\", \"description\": \"x\"}")
			.statusCode()).isEqualTo(403);
	}

	@ParameterizedTest(name = "{0} by {1}")
	@CsvSource(delimiter = '|', value = {
			"small-batches|supplier|{\"batchNumber\": \"B-1\", \"quantity\": 250, \"dimensionalResult\": \"PASS\", \"finishResult\": \"PASS\", \"inspectionResult\": \"PASS\", \"promisedOn\": \"YESTERDAY\", \"deliveredOn\": \"YESTERDAY\"}",
			"orders|quality|{\"orderMonth\": \"YESTERDAY\", \"quantity\": 1200, \"customer\": \"Kestrel Pumps\"}",
			"feedback|engineer|{\"receivedOn\": \"YESTERDAY\", \"customer\": \"Kestrel Pumps\", \"rating\": \"POSITIVE\", \"summary\": \"fits\"}",
			"cost-estimates|engineer|{\"estimatedOn\": \"YESTERDAY\", \"currency\": \"EUR\", \"smallBatchUnitCost\": 12.5, \"massUnitCost\": 4.2, \"toolingInvestment\": 60000, \"forecastAnnualVolume\": 24000}",
			"design-changes|engineer|{\"changeNumber\": \"DC-7\", \"changedOn\": \"YESTERDAY\", \"description\": \"M6 thread instead of M5\"}",
			"capability-studies|quality|{\"characteristic\": \"Bore\", \"studiedOn\": \"YESTERDAY\", \"lowerSpecLimit\": 9.9, \"upperSpecLimit\": 10.1, \"mean\": 10.0, \"standardDeviation\": 0.02, \"sampleSize\": 50}" })
	void recordsEachKindOfEvidence(String collection, String user, String entry) throws Exception {
		String partNumber = aProduct();
		String path = "/api/products/" + partNumber + "/" + collection;

		HttpResponse<String> posted = call("POST", path, user, entry.replace("YESTERDAY", YESTERDAY));

		assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
		assertThat(posted.headers().firstValue("Location"))
			.hasValueSatisfying(l -> assertThat(l).startsWith(path + "/"));
		assertThat(body(posted).path("recordedBy").asText()).isEqualTo(user);
		HttpResponse<String> listed = call("GET", path, "auditor", null);
		assertThat(listed.statusCode()).isEqualTo(200);
		assertThat(body(listed)).hasSize(1);
	}

	@Test
	void badBodiesAnswer400NamingEachField() throws Exception {
		String path = "/api/products/" + aProduct() + "/small-batches";

		HttpResponse<String> missing = call("POST", path, "quality", "{\"batchNumber\": \"B-1\", \"quantity\": 0}");
		assertThat(missing.statusCode()).isEqualTo(400);
		assertThat(missing.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(errorFields(missing)).containsExactly("quantity", "dimensionalResult", "finishResult",
				"inspectionResult", "promisedOn");

		HttpResponse<String> wrongType = call("POST", path, "quality", "{\"quantity\": \"lots\"}");
		assertThat(wrongType.statusCode()).isEqualTo(400);
		assertThat(errorFields(wrongType)).containsExactly("quantity");
		assertThat(body(wrongType).path("detail").asText()).contains("lots", "number");

		HttpResponse<String> wrongEnum = call("POST", path, "quality", "{\"finishResult\": \"MAYBE\"}");
		assertThat(errorFields(wrongEnum)).containsExactly("finishResult");
		assertThat(body(wrongEnum).path("detail").asText()).contains("[PASS, FAIL]");

		HttpResponse<String> wrongDate = call("POST", path, "quality", "{\"promisedOn\": \"next week\"}");
		assertThat(errorFields(wrongDate)).containsExactly("promisedOn");

		HttpResponse<String> broken = call("POST", path, "quality", "{\"batchNumber\": ");
		assertThat(broken.statusCode()).isEqualTo(400);
		assertThat(errorFields(broken)).containsExactly("body");
		assertThat(call("POST", path, "quality", "").statusCode()).isEqualTo(400);
		assertThat(recorded.of(EvidenceKind.SMALL_BATCH, products.get(path.split("/")[3]).id())).isEmpty();

		HttpResponse<String> badPage = call("GET", "/api/products?size=5000&stage=SOMEWHERE", "auditor", null);
		assertThat(badPage.statusCode()).isEqualTo(400);
		assertThat(errorFields(badPage)).containsExactly("stage");
	}

	@Test
	void unknownProductsAnswer404() throws Exception {
		assertThat(call("GET", "/api/products/NO-SUCH-PART", "auditor", null).statusCode()).isEqualTo(404);
		HttpResponse<String> post = call("POST", "/api/products/NO-SUCH-PART/orders", "quality",
				"{\"orderMonth\": \"" + YESTERDAY + "\", \"quantity\": 1, \"customer\": \"x\"}");
		assertThat(post.statusCode()).isEqualTo(404);
		assertThat(body(post).path("title").asText()).isEqualTo("Unknown product");
		assertThat(call("GET", "/api/products/NO-SUCH-PART/readiness", "auditor", null).statusCode()).isEqualTo(404);
		assertThat(call("GET", "/api/products/NO-SUCH-PART/small-batches", "auditor", null).statusCode())
			.isEqualTo(404);
	}

	@Test
	void aRepeatedIdempotencyKeyReturnsTheFirstAnswerAndRecordsOnce() throws Exception {
		String partNumber = aProduct();
		String path = "/api/products/" + partNumber + "/small-batches";
		String entry = "{\"batchNumber\": \"B-9\", \"quantity\": 100, \"dimensionalResult\": \"PASS\", \"finishResult\": \"PASS\", "
				+ "\"inspectionResult\": \"PASS\", \"promisedOn\": \"" + YESTERDAY + "\"}";
		String key = UUID.randomUUID().toString();

		HttpResponse<String> first = call("POST", path, "quality", entry, "Idempotency-Key", key);
		HttpResponse<String> repeat = call("POST", path, "quality", entry, "Idempotency-Key", key);

		assertThat(first.statusCode()).isEqualTo(201);
		assertThat(repeat.statusCode()).isEqualTo(201);
		assertThat(repeat.headers().firstValue("Idempotent-Replayed")).hasValue("true");
		assertThat(body(repeat)).isEqualTo(body(first));
		assertThat(recorded.of(EvidenceKind.SMALL_BATCH, products.get(partNumber).id())).hasSize(1);

		HttpResponse<String> reused = call("POST", path, "quality", entry.replace("B-9", "B-10"), "Idempotency-Key",
				key);
		assertThat(reused.statusCode()).isEqualTo(422);
		assertThat(body(reused).path("detail").asText()).contains("different request");
		// a failed first attempt keeps no key: the corrected request with the same key
		// goes through
		String other = UUID.randomUUID().toString();
		assertThat(call("POST", path, "quality", "{}", "Idempotency-Key", other).statusCode()).isEqualTo(400);
		assertThat(call("POST", path, "quality", entry.replace("B-9", "B-11"), "Idempotency-Key", other).statusCode())
			.isEqualTo(201);
	}

	@Test
	void anApiTokenActsWithItsRoleUntilRevoked() throws Exception {
		String partNumber = aProduct();
		String path = "/api/products/" + partNumber + "/orders";
		String order = "{\"orderMonth\": \"" + YESTERDAY + "\", \"quantity\": 500, \"customer\": \"Kestrel Pumps\"}";
		IssuedToken erp = tokens.issue("erp-" + UUID.randomUUID().toString().substring(0, 6), Role.QUALITY, "admin");
		IssuedToken reader = tokens.issue("bi-" + UUID.randomUUID().toString().substring(0, 6), Role.AUDITOR, "admin");

		HttpResponse<String> posted = call("POST", path, erp.secret(), order);
		assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
		assertThat(body(posted).path("recordedBy").asText()).isEqualTo("api:" + erp.token().name());
		assertThat(call("POST", path, reader.secret(), order).statusCode()).isEqualTo(403);
		assertThat(call("GET", path, reader.secret(), null).statusCode()).isEqualTo(200);
		assertThat(call("GET", path, "sgt_made-up", null).statusCode()).isEqualTo(401);

		tokens.revoke(erp.token().id(), "admin");

		HttpResponse<String> revoked = call("POST", path, erp.secret(), order);
		assertThat(revoked.statusCode()).isEqualTo(401);
		assertThat(body(revoked).path("detail").asText()).contains("revoked");
		assertThat(tokens.all()).filteredOn(t -> t.name().equals(erp.token().name()))
			.singleElement()
			.satisfies(t -> assertThat(t.secretHash()).hasSize(64).doesNotContain(erp.secret()));
	}

	@Test
	void readinessShowsTheEightConditionsAndAWhatIfChangesTheVerdict() throws Exception {
		String partNumber = aProduct();
		String path = "/api/products/" + partNumber + "/readiness";

		HttpResponse<String> current = call("GET", path, "gatekeeper", null);
		assertThat(current.statusCode()).isEqualTo(200);
		assertThat(body(current).path("signals")).hasSize(8);
		assertThat(body(current).path("recommendation").asText()).isEqualTo("STAY_SMALL_BATCH");
		assertThat(body(current).path("demandStability").asText()).isEqualTo("INSUFFICIENT_DATA");

		HttpResponse<String> whatIf = call("POST", path + "/what-if", "gatekeeper",
				"{\"demandMonths\": 12, \"demandCv\": 0.1}");
		assertThat(whatIf.statusCode()).isEqualTo(200);
		assertThat(body(whatIf).path("demandStability").asText()).isEqualTo("STABLE");
		assertThat(body(whatIf).path("inputs").path("demandCv").asDouble()).isEqualTo(0.1);

		HttpResponse<String> wrong = call("POST", path + "/what-if", "gatekeeper",
				"{\"demandCv\": \"low\", \"colour\": 3}");
		assertThat(wrong.statusCode()).isEqualTo(400);
		assertThat(errorFields(wrong)).containsExactly("demandCv", "colour");
		assertThat(body(call("GET", path, "gatekeeper", null)).path("demandStability").asText())
			.isEqualTo("INSUFFICIENT_DATA");
	}

	@Test
	void theApiIsDocumentedForSignedInCallers() throws Exception {
		assertThat(call("GET", "/v3/api-docs", null, null).statusCode()).isEqualTo(401);
		HttpResponse<String> docs = call("GET", "/v3/api-docs", "auditor", null);
		assertThat(docs.statusCode()).isEqualTo(200);
		assertThat(body(docs).path("paths").has("/api/products/{partNumber}/small-batches")).isTrue();
		assertThat(body(docs).path("paths").has("/api/products/{partNumber}/readiness/what-if")).isTrue();
		assertThat(body(docs).path("components").path("securitySchemes").has("apiToken")).isTrue();
		assertThat(call("GET", "/swagger-ui/index.html", "auditor", null).statusCode()).isEqualTo(200);
	}

}
