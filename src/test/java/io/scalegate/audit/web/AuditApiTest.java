package io.scalegate.audit.web;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The audit endpoints: who may read and verify, and that an auditor can change nothing
 * anywhere.
 */
@ScaleGateTest
class AuditApiTest {

	@LocalServerPort
	int port;

	@Autowired
	ObjectMapper json;

	HttpResponse<String> call(String method, String path, String user, String body) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body));
		if (user != null) {
			request.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
		}
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		return HttpClient.newHttpClient().send(request.build(), BodyHandlers.ofString());
	}

	@Test
	void anAuditorVerifiesTheChainOverHttpBasic() throws Exception {
		HttpResponse<String> verify = call("GET", "/api/audit/verify", "auditor", null);

		assertThat(verify.statusCode()).isEqualTo(200);
		JsonNode result = json.readTree(verify.body());
		assertThat(result.path("intact").asBoolean()).isTrue();
		assertThat(result.path("entries").asLong()).isPositive();
		assertThat(result.has("firstBrokenEntry")).isTrue();
	}

	@ParameterizedTest(name = "{0} {1} as {2} → {3}")
	@CsvSource({ "GET, /api/audit/verify, admin, 200", "GET, /api/audit/verify, gatekeeper, 403",
			"GET, /api/audit/verify, , 401", "GET, /api/audit?action=GATE_DECIDED, auditor, 200",
			"GET, /api/audit, engineer, 403", "GET, /api/audit/export?action=SIGNATURE_GIVEN, auditor, 200",
			"POST, /api/products, auditor, 403", "POST, /api/products/BRK-1001/orders, auditor, 403",
			"POST, /api/products/BRK-1001/small-batches, auditor, 403",
			"POST, /api/products/BRK-1001/design-changes, auditor, 403", "POST, /api/audit/verify, auditor, 405",
			"POST, /engine-rest/deployment/create, auditor, 403", "DELETE, /engine-rest/deployment/x, auditor, 403",
			"GET, /api/audit?action=NOT_AN_ACTION, auditor, 400" })
	void whoMayDoWhat(String method, String path, String user, int status) throws Exception {
		assertThat(call(method, path, user, method.equals("POST") ? "{}" : null).statusCode()).isEqualTo(status);
	}

	@Test
	void theExportIsCsvWithHashes() throws Exception {
		HttpResponse<String> export = call("GET", "/api/audit/export?action=PRODUCT_REGISTERED", "auditor", null);

		assertThat(export.headers().firstValue("Content-Type"))
			.hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
		String[] lines = export.body().split("\r\n");
		assertThat(lines[0])
			.isEqualTo("id,occurredAt,actor,action,subjectType,subjectId,details,previousHash,entryHash");
		assertThat(lines.length).isGreaterThan(12);
		assertThat(lines[1]).contains("PRODUCT_REGISTERED");
	}

}
