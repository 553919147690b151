package io.scalegate.audit.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scalegate.ScaleGateTest;
import io.scalegate.audit.AuditTrail;
import io.scalegate.base.AuditAction;
import io.scalegate.base.AuditSubject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
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

	@Autowired
	AuditTrail trail;

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
			"GET, /api/audit?action=NOT_AN_ACTION, auditor, 400", "GET, /api/audit/checkpoint, admin, 200",
			"GET, /api/audit/checkpoint, engineer, 403", "GET, /api/audit/checkpoint/keys, gatekeeper, 403",
			"POST, /api/audit/checkpoint/verify, engineer, 403", "POST, /api/audit/checkpoint/verify, auditor, 400" })
	void whoMayDoWhat(String method, String path, String user, int status) throws Exception {
		assertThat(call(method, path, user, method.equals("POST") ? "{}" : null).statusCode()).isEqualTo(status);
	}

	@Test
	void aCheckpointIsExportedAndComparedOverHttp() throws Exception {
		HttpResponse<String> exported = call("GET", "/api/audit/checkpoint", "auditor", null);
		assertThat(exported.statusCode()).isEqualTo(200);
		assertThat(exported.headers().firstValue("Content-Disposition"))
			.hasValueSatisfying(d -> assertThat(d).contains("scalegate-audit-checkpoint-"));
		JsonNode checkpoint = json.readTree(exported.body());
		assertThat(checkpoint.path("algorithm").asText()).isEqualTo("Ed25519");
		assertThat(checkpoint.path("keyId").asText()).isEqualTo("test");
		JsonNode keys = json.readTree(call("GET", "/api/audit/checkpoint/keys", "auditor", null).body());
		assertThat(keys.path("test").asText()).isEqualTo(checkpoint.path("publicKey").asText());

		JsonNode matches = json
			.readTree(call("POST", "/api/audit/checkpoint/verify", "auditor", exported.body()).body());
		assertThat(matches.path("outcome").asText()).isEqualTo("MATCHES");
		assertThat(matches.path("signatureValid").asBoolean()).isTrue();
		assertThat(matches.path("entryMatches").asBoolean()).isTrue();

		ObjectNode forged = checkpoint.deepCopy();
		forged.put("entryHash", "a".repeat(64));
		JsonNode refused = json
			.readTree(call("POST", "/api/audit/checkpoint/verify", "auditor", forged.toString()).body());
		assertThat(refused.path("outcome").asText()).isEqualTo("SIGNATURE_INVALID");
		assertThat(refused.path("signatureValid").asBoolean()).isFalse();
		assertThat(refused.path("entryMatches").isNull()).isTrue();

		ObjectNode broken = checkpoint.deepCopy();
		broken.put("signature", "not base64!");
		broken.remove("entry");
		HttpResponse<String> invalid = call("POST", "/api/audit/checkpoint/verify", "auditor", broken.toString());
		assertThat(invalid.statusCode()).isEqualTo(400);
		assertThat(json.readTree(invalid.body()).path("errors").findValuesAsText("field")).contains("entry",
				"signature");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "page=2147483647, 200", "page=2147483647&size=1000, 200", "page=-1, 400", "size=2147483647, 400",
			"page=99999999999, 400" })
	void aPageFarBeyondTheEndIsEmptyNotAnOverflow(String query, int status) throws Exception {
		HttpResponse<String> page = call("GET", "/api/audit?" + query, "auditor", null);

		assertThat(page.statusCode()).as(page.body()).isEqualTo(status);
		JsonNode body = json.readTree(page.body());
		if (status == 200) {
			assertThat(body.path("items")).isEmpty();
			assertThat(body.path("page").asInt()).isEqualTo(Integer.MAX_VALUE);
			assertThat(body.path("total").asLong()).isPositive();
		}
		else {
			assertThat(body.path("errors").findValuesAsText("field")).containsAnyOf("page", "size");
		}
	}

	/**
	 * A user name that a spreadsheet would run as a formula reaches the export as text.
	 */
	@Test
	void theExportNeutralisesFormulas() throws Exception {
		String formula = "=HYPERLINK(\"http://x\",\"y\")";
		trail.append(formula, AuditAction.LOGIN_FAILED, AuditSubject.USER, "+" + formula,
				java.util.Map.of("reason", "-1+1"));

		HttpResponse<String> export = call("GET", "/api/audit/export?action=LOGIN_FAILED", "auditor", null);
		List<CSVRecord> rows = CSVFormat.RFC4180.builder()
			.setHeader()
			.setSkipHeaderRecord(true)
			.get()
			.parse(new StringReader(export.body()))
			.getRecords();
		CSVRecord row = rows.get(rows.size() - 1);
		assertThat(row.get("actor")).isEqualTo("'" + formula);
		assertThat(row.get("subjectId")).isEqualTo("'+" + formula);
		assertThat(row.get("details")).isEqualTo("{\"reason\":\"-1+1\"}");
		assertThat(row.get("keyId")).isEqualTo("test");
		assertThat(export.body()).doesNotContain("," + formula);
	}

	@Test
	void theExportIsCsvWithHashes() throws Exception {
		HttpResponse<String> export = call("GET", "/api/audit/export?action=PRODUCT_REGISTERED", "auditor", null);

		assertThat(export.headers().firstValue("Content-Type"))
			.hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
		String[] lines = export.body().split("\r\n");
		assertThat(lines[0])
			.isEqualTo("\"id\",\"occurredAt\",\"actor\",\"action\",\"subjectType\",\"subjectId\",\"details\","
					+ "\"previousHash\",\"entryHash\",\"keyId\"");
		// every cell quoted: a spreadsheet splitting on ';' keeps ";=5+5" in one cell
		assertThat(lines[1]).startsWith("\"");
		assertThat(lines.length).isGreaterThan(12);
		assertThat(lines[1]).contains("PRODUCT_REGISTERED");
	}

}
