package io.scalegate.condition.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scalegate.ScaleGateTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A product's gate conditions over HTTP: the demo product GBX-6300 passed Gate 2 with one
 * condition for quality.
 */
@ScaleGateTest
class ConditionApiTest {

	@LocalServerPort
	int port;

	HttpResponse<String> get(String path, String user) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
		if (user != null) {
			request.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
		}
		return HttpClient.newHttpClient().send(request.build(), BodyHandlers.ofString());
	}

	@ParameterizedTest(name = "GET {0} as {1} → {2}")
	@CsvSource({ "/api/products/GBX-6300/conditions, engineer, 200", "/api/products/GBX-6300/conditions, , 401",
			"/api/products/NO-SUCH/conditions, auditor, 404" })
	void whoMayRead(String path, String user, int status) throws Exception {
		assertThat(get(path, user).statusCode()).isEqualTo(status);
	}

	@Test
	void listsTheConditionsAndWhetherTheProductIsConditional() throws Exception {
		JsonNode body = new ObjectMapper().readTree(get("/api/products/GBX-6300/conditions", "auditor").body());

		assertThat(body.path("partNumber").asText()).isEqualTo("GBX-6300");
		assertThat(body.path("conditional").asBoolean()).isTrue();
		assertThat(body.path("conditions")).hasSize(1);
		JsonNode condition = body.path("conditions").get(0);
		assertThat(condition.path("owner").asText()).isEqualTo("quality");
		assertThat(condition.path("state").asText()).isEqualTo("OPEN");
		assertThat(condition.path("overdue").asBoolean()).isFalse();
		assertThat(condition.path("raisedBy").asText()).isEqualTo("gatekeeper");
		assertThat(condition.path("gateDecision").asText()).isEqualTo("GO_WITH_CONDITIONS");
		assertThat(condition.path("dueDate").asText()).matches("\\d{4}-\\d{2}-\\d{2}");
	}

}
