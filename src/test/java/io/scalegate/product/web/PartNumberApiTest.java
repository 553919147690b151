package io.scalegate.product.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scalegate.ScaleGateTest;
import io.scalegate.product.PartNumber;
import io.scalegate.product.ProductService;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The part number rule where a part number enters over HTTP: registration refuses what
 * breaks it, and a path that cannot be a part number is a 400 naming {@code partNumber},
 * not a lookup.
 */
@ScaleGateTest
class PartNumberApiTest {

	@LocalServerPort
	int port;

	@Autowired
	ObjectMapper json;

	@Autowired
	ProductService products;

	final HttpClient http = HttpClient.newHttpClient();

	HttpResponse<String> call(String method, String path, String body) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString("engineer:demo".getBytes(StandardCharsets.UTF_8)))
			.header("Content-Type", "application/json")
			.method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body))
			.build(), BodyHandlers.ofString());
	}

	void assertRefusedNamingPartNumber(HttpResponse<String> response) throws Exception {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		JsonNode error = json.readTree(response.body()).path("errors").get(0);
		assertThat(error.path("field").asText()).isEqualTo("partNumber");
		assertThat(error.path("message").asText()).contains("letters (A-Z, a-z), digits");
	}

	@ParameterizedTest
	@ValueSource(strings = { "A/B", "..", "A..B", ".AB", "AB.", "-AB", "A\\u202eB", "A\\u0000B", "A\\u0007B",
			"\\u0410BC", "A2345678901234567890123456789012345678901234567890123456789012345" })
	void registrationRefusesAPartNumberThatBreaksTheRule(String partNumber) throws Exception {
		HttpResponse<String> refused = call("POST", "/api/products", """
				{"partNumber": "%s", "name": "Shaft", "customer": "Kestrel", "revision": "A", "owner": "engineer"}"""
			.formatted(partNumber));

		assertRefusedNamingPartNumber(refused);
	}

	@ParameterizedTest
	@ValueSource(strings = { "A%E2%80%AEB", "A%20B", "-A", "A.", "%C3%A9%C3%A9",
			"A234567890123456789012345678901234567890123456789012345678901234567890" })
	void aPathThatCannotBeAPartNumberIsA400NamingIt(String path) throws Exception {
		for (String below : new String[] { "", "/small-batches", "/cost-estimates", "/readiness", "/history" }) {
			assertRefusedNamingPartNumber(call("GET", "/api/products/" + path + below, null));
		}
		assertRefusedNamingPartNumber(call("POST", "/api/products/" + path + "/orders", """
				{"orderMonth": "2026-01-01", "quantity": 1, "customer": "Kestrel"}"""));
	}

	@ParameterizedTest
	@ValueSource(strings = { "A%2E%2E", "%2E%2E", "A%2FB", "A%5CB", "A%00B" })
	void anEncodedDotDotSlashOrNulIsRefusedBeforeAnyEndpoint(String path) throws Exception {
		HttpResponse<String> refused = call("GET", "/api/products/" + path, null);

		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
	}

	@ParameterizedTest
	@ValueSource(strings = { "NO-SUCH-PART", "Z9" })
	void aWellFormedUnknownPartNumberIsStillA404(String partNumber) throws Exception {
		assertThat(PartNumber.isValid(partNumber)).isTrue();
		HttpResponse<String> unknown = call("GET", "/api/products/" + partNumber, null);

		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(products.find(partNumber)).isEmpty();
	}

}
