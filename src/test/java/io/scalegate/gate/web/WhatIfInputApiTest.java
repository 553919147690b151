package io.scalegate.gate.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scalegate.ScaleGateTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What-if values beyond what a number can say (1e400 reads as Infinity, 1e20 does not fit
 * a whole number) are refused naming the input, not evaluated as Infinity or wrapped
 * around.
 */
@ScaleGateTest
class WhatIfInputApiTest {

	@LocalServerPort
	int port;

	@Autowired
	ObjectMapper json;

	final HttpClient http = HttpClient.newHttpClient();

	HttpResponse<String> post(String path, String body) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString("engineer:demo".getBytes(StandardCharsets.UTF_8)))
			.header("Content-Type", "application/json")
			.POST(BodyPublishers.ofString(body))
			.build(), BodyHandlers.ofString());
	}

	@Autowired
	io.scalegate.gate.TestDocumentsOnFile documents;

	HttpResponse<String> get(String path) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString("engineer:demo".getBytes(StandardCharsets.UTF_8)))
			.GET()
			.build(), BodyHandlers.ofString());
	}

	@org.junit.jupiter.api.Test
	void theReadinessNamesTheMissingDeliverablesAndAWhatIfCanFileThemOrRefusesAnUnknownKind() throws Exception {
		String partNumber = "DLV-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		assertThat(post("/api/products", """
				{"partNumber": "%s", "name": "Shaft", "customer": "Kestrel", "revision": "A", "owner": "engineer"}"""
			.formatted(partNumber)).statusCode()).isEqualTo(201);
		documents.file(partNumber, "CONTROL_PLAN");

		JsonNode readiness = json.readTree(get("/api/products/" + partNumber + "/readiness").body());
		assertThat(readiness.path("inputs").path("missingDeliverables").asText())
			.isEqualTo("FIRST_ARTICLE_INSPECTION,MATERIAL_CERTIFICATE,PPAP_SUBMISSION_WARRANT");
		assertThat(readiness.path("deliverables").path("gate").asText()).isEqualTo("gateReview");
		assertThat(readiness.path("deliverables").path("onFile").toString()).isEqualTo("[\"CONTROL_PLAN\"]");
		assertThat(readiness.path("deliverables").path("missing").toString())
			.isEqualTo("[\"FIRST_ARTICLE_INSPECTION\",\"MATERIAL_CERTIFICATE\",\"PPAP_SUBMISSION_WARRANT\"]");
		assertThat(readiness.path("reasons").findValuesAsText("explanation"))
			.contains("Required deliverables are not on file: First article inspection, Material certificate, "
					+ "Part submission warrant (PPAP).");

		JsonNode filed = json.readTree(
				post("/api/products/" + partNumber + "/readiness/what-if", "{\"missingDeliverables\": \"\"}").body());
		assertThat(filed.path("reasons").findValuesAsText("reason")).doesNotContain("MISSING_DELIVERABLES");

		HttpResponse<String> refused = post("/api/products/" + partNumber + "/readiness/what-if",
				"{\"missingDeliverables\": \"SELFIE\"}");
		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
		JsonNode error = json.readTree(refused.body()).path("errors").get(0);
		assertThat(error.path("field").asText()).isEqualTo("missingDeliverables");
		assertThat(error.path("message").asText()).contains("document kind codes joined by commas");

		// a list holding null or a number (found by OpenApiFuzzTest: was a 500)
		for (String list : new String[] { "[null]", "[\"DRAWING\", 7]" }) {
			HttpResponse<String> odd = post("/api/products/" + partNumber + "/readiness/what-if",
					"{\"missingDeliverables\": " + list + "}");
			assertThat(odd.statusCode()).as(odd.body()).isEqualTo(400);
			assertThat(odd.body()).contains("missingDeliverables");
		}
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "demandCv|1e400|a finite number", "demandCv|-1e400|a finite number",
					"demandMonths|1e20|a whole number from -2147483647 to 2147483647",
					"demandMonths|2147483648|a whole number from -2147483647 to 2147483647" })
	void aValueBeyondWhatTheInputHoldsIsRefusedNamingIt(String input, String value, String message) throws Exception {
		String partNumber = "WIF-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		assertThat(post("/api/products", """
				{"partNumber": "%s", "name": "Shaft", "customer": "Kestrel", "revision": "A", "owner": "engineer"}"""
			.formatted(partNumber)).statusCode()).isEqualTo(201);

		HttpResponse<String> refused = post("/api/products/" + partNumber + "/readiness/what-if",
				"{\"" + input + "\": " + value + "}");

		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
		JsonNode error = json.readTree(refused.body()).path("errors").get(0);
		assertThat(error.path("field").asText()).isEqualTo(input);
		assertThat(error.path("message").asText()).contains(message);
	}

}
