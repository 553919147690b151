package io.scalegate.gate.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scalegate.ScaleGateTest;
import io.scalegate.gate.ReadinessCheck;
import io.scalegate.gate.ReadinessReevaluation;
import io.scalegate.gate.Reevaluations;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Pipelines that deploy gate rules read how far the stored verdicts are judged again;
 * nobody reads it unauthenticated.
 */
@ScaleGateTest
class ReevaluationApiTest {

	@LocalServerPort
	int port;

	@Autowired
	ObjectMapper json;

	@Autowired
	ReadinessReevaluation reevaluation;

	@Autowired
	ReadinessCheck readiness;

	@Autowired
	JdbcClient jdbc;

	final HttpClient http = HttpClient.newHttpClient();

	HttpResponse<String> get(String user) throws Exception {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create("http://localhost:" + port + "/api/readiness/reevaluation"));
		if (user != null) {
			request.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
		}
		return http.send(request.GET().build(), BodyHandlers.ofString());
	}

	@Test
	void saysTheDeployedRulesAndHowFarTheirReevaluationIs() throws Exception {
		Reevaluations.awaitIdle(reevaluation);
		int deployed = readiness.deployedRulesVersion();
		jdbc.sql("delete from readiness_reevaluation where rules_version = :v").param("v", deployed).update();
		jdbc.sql("insert into readiness_reevaluation (rules_version, total, done, failed, changed, node, started_at,"
				+ " heartbeat_at) values (:v, 10000, 1234, 2, 17, 'node-a', :at, :at)")
			.param("v", deployed)
			.param("at", Timestamp.from(Instant.now()))
			.update();
		try {
			HttpResponse<String> response = get("auditor");
			assertThat(response.statusCode()).isEqualTo(200);
			JsonNode body = json.readTree(response.body());
			assertThat(body.get("deployedRulesVersion").asInt()).isEqualTo(deployed);
			assertThat(body.get("rulesVersion").asInt()).isEqualTo(deployed);
			assertThat(body.get("total").asInt()).isEqualTo(10000);
			assertThat(body.get("done").asInt()).isEqualTo(1234);
			assertThat(body.get("failed").asInt()).isEqualTo(2);
			assertThat(body.get("changed").asInt()).isEqualTo(17);
			assertThat(body.get("running").asBoolean()).isTrue();
			assertThat(body.path("startedAt").isTextual()).isTrue();
			assertThat(body.path("finishedAt").isMissingNode() || body.path("finishedAt").isNull()).isTrue();
			assertThat(body.path("node").isMissingNode() || body.path("node").isNull())
				.as("the node (pid@host) is for administrators")
				.isTrue();
			assertThat(json.readTree(get("admin").body()).get("node").asText()).isEqualTo("node-a");

			assertThat(get(null).statusCode()).isEqualTo(401);
		}
		finally {
			jdbc.sql("delete from readiness_reevaluation where rules_version = :v").param("v", deployed).update();
		}
	}

}
