package io.scalegate.model.impact;

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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The impact of a gate rule change on the demo's running products, by the service and
 * over HTTP: a looser tooling payback hurdle (two years instead of one) sends HTS-1210
 * from small batch to mass production, and nothing that fails validation is evaluated.
 */
@ScaleGateTest
class RuleChangeImpactTest {

	static final String GATE_DMN = "mass-production-gate.dmn";

	static final String BOUNDARY = "scalegate-impact-boundary";

	@LocalServerPort
	int port;

	@Autowired
	RuleChangeImpact impact;

	@Autowired
	ObjectMapper json;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RepositoryService repository;

	static String shippedGate() throws Exception {
		return Files.readString(Path.of("bpmn", GATE_DMN));
	}

	/** The shipped gate DMN with the tooling payback hurdle loosened from 1 year to 2. */
	static String looserPayback() throws Exception {
		String looser = shippedGate().replaceFirst(
				"(<inputEntry id=\"InputEntry_toolingEconomics_2_1\">\\s*<text>)&lt;= 1(</text>)", "$1&lt;= 2$2");
		assertThat(looser).isNotEqualTo(shippedGate());
		return looser;
	}

	int running() {
		return jdbc.sql("select count(*) from product where stage in ('PROTOTYPE', 'SMALL_BATCH')")
			.query(Integer.class)
			.single();
	}

	@Test
	void aLooserPaybackHurdleSendsTheMarginalHeatSinkToMassProduction() throws Exception {
		ImpactReport report = impact.of(GATE_DMN, looserPayback());

		assertThat(report.evaluated()).isTrue();
		assertThat(report.gateRules()).isTrue();
		assertThat(report.products()).isEqualTo(running()).isPositive();
		assertThat(report.changed()).filteredOn(change -> change.partNumber().equals("HTS-1210"))
			.singleElement()
			.isEqualTo(new VerdictChange("HTS-1210", "STAY_SMALL_BATCH", "GO_MASS_PRODUCTION", List.of(),
					List.of("TOOLING_NOT_JUSTIFIED")));
		assertThat(report.transitions()).containsEntry("STAY_SMALL_BATCH → GO_MASS_PRODUCTION",
				(int) report.changed()
					.stream()
					.filter(change -> change.transition().equals("STAY_SMALL_BATCH → GO_MASS_PRODUCTION"))
					.count());
		assertThat(report.rulesVersion()).isPositive();
		assertThat(report.asOf()).isNotNull();
		assertThat(report.summary()).contains(report.products() + " running products judged")
			.contains("STAY_SMALL_BATCH → GO_MASS_PRODUCTION")
			.contains("HTS-1210");
	}

	@Test
	void aDraftThatFailsToEvaluateIsCountedApartNotAsChangedVerdicts() throws Exception {
		String broken = shippedGate().replaceFirst(
				// valid FEEL reading the same inputs (validation passes) that fails when
				// evaluated: a text where the column's type is double
				"(<inputExpression id=\"InputExpression_toolingEconomics_paybackYears\" typeRef=\"double\">\\s*<text>)([^<]*)(</text>)",
				"$1string($2) + \" years\"$3");
		assertThat(broken).isNotEqualTo(shippedGate());

		ImpactReport report = impact.of(GATE_DMN, broken);

		assertThat(report.notEvaluated()).as(report.note()).isPositive();
		assertThat(report.changed()).noneMatch(change -> change.to() == null || change.to().startsWith("NOT"));
		assertThat(report.note()).startsWith("the draft fails to evaluate for ");
		assertThat(report.summary()).contains("the draft fails to evaluate for " + report.notEvaluated());
	}

	@Test
	void theDeployedRulesChangeNoVerdict() throws Exception {
		ImpactReport report = impact.of(GATE_DMN, shippedGate());

		assertThat(report.gateRules()).isTrue();
		assertThat(report.products()).isEqualTo(running());
		assertThat(report.changed()).isEmpty();
		assertThat(report.summary()).endsWith("0 would change verdict");
	}

	@Test
	void aProductWithoutAStoredReadinessIsJudgedOnItsEvidence() throws Exception {
		String stored = jdbc.sql("select gate_inputs from product where part_number = 'HTS-1210'")
			.query(String.class)
			.single();
		try {
			jdbc.sql("update product set gate_inputs = null where part_number = 'HTS-1210'").update();

			ImpactReport report = impact.of(GATE_DMN, looserPayback());

			assertThat(report.computedLive()).isPositive();
			assertThat(report.changed()).extracting(VerdictChange::partNumber).contains("HTS-1210");
		}
		finally {
			jdbc.sql("update product set gate_inputs = :inputs where part_number = 'HTS-1210'")
				.param("inputs", stored)
				.update();
		}
	}

	@Test
	void theStoredVerdictStandsForTheDeployedRulesOnlyWhenTheyJudgedIt() throws Exception {
		Map<String, Object> stored = jdbc
			.sql("select gate_recommendation, gate_blockers, gate_rules_version from product "
					+ "where part_number = 'HTS-1210'")
			.query()
			.singleRow();
		int deployed = impact.of(GATE_DMN, shippedGate()).rulesVersion();
		try {
			// a verdict the deployed rules gave stands as "now" (it is theirs on these
			// inputs)
			jdbc.sql("update product set gate_recommendation = 'RECYCLE_TO_PROTOTYPE', gate_blockers = ',', "
					+ "gate_rules_version = :version where part_number = 'HTS-1210'")
				.param("version", deployed)
				.update();
			assertThat(heatSink(impact.of(GATE_DMN, looserPayback())).from()).isEqualTo("RECYCLE_TO_PROTOTYPE");

			// a verdict of older rules does not: the deployed rules judge the stored
			// inputs
			jdbc.sql("update product set gate_rules_version = :version where part_number = 'HTS-1210'")
				.param("version", deployed - 1)
				.update();
			assertThat(heatSink(impact.of(GATE_DMN, looserPayback()))).isEqualTo(new VerdictChange("HTS-1210",
					"STAY_SMALL_BATCH", "GO_MASS_PRODUCTION", List.of(), List.of("TOOLING_NOT_JUSTIFIED")));
		}
		finally {
			jdbc.sql("update product set gate_recommendation = :recommendation, gate_blockers = :blockers, "
					+ "gate_rules_version = :version where part_number = 'HTS-1210'")
				.param("recommendation", stored.get("gate_recommendation"))
				.param("blockers", stored.get("gate_blockers"))
				.param("version", stored.get("gate_rules_version"))
				.update();
		}
	}

	private static VerdictChange heatSink(ImpactReport report) {
		return report.changed()
			.stream()
			.filter(change -> change.partNumber().equals("HTS-1210"))
			.findFirst()
			.orElseThrow();
	}

	@Test
	void aDraftWithAJuelEntryIsNeverEvaluated() throws Exception {
		String juel = shippedGate().replaceFirst(
				"<outputEntry id=\"OutputEntry_toolingEconomics_2\">\\s*<text>\"JUSTIFIED\"</text>",
				"<outputEntry id=\"OutputEntry_toolingEconomics_2\" expressionLanguage=\"juel\"><text>\\${'JUEL ran'}</text>");
		assertThat(juel).contains("JUEL ran");

		ImpactReport report = impact.of(GATE_DMN, juel);

		assertThat(report.evaluated()).isFalse();
		assertThat(report.changed()).isEmpty();
		assertThat(report.problems())
			.anySatisfy(problem -> assertThat(problem.element()).isEqualTo("OutputEntry_toolingEconomics_2"));
	}

	@Test
	void overHttpThePipelineSeesTheSameImpact() throws Exception {
		HttpResponse<String> response = post("owner", "files", GATE_DMN, looserPayback());

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JsonNode body = json.readTree(response.body());
		assertThat(body.path("products").asInt()).isEqualTo(running());
		JsonNode heatSink = null;
		for (JsonNode change : body.path("changed")) {
			assertThat(change.fieldNames()).toIterable()
				.containsExactly("partNumber", "from", "to", "reasonsAdded", "reasonsRemoved");
			if (change.path("partNumber").asText().equals("HTS-1210")) {
				heatSink = change;
			}
		}
		assertThat(heatSink).isNotNull();
		assertThat(heatSink).isEqualTo(json.readTree("{\"partNumber\": \"HTS-1210\", \"from\": \"STAY_SMALL_BATCH\", "
				+ "\"to\": \"GO_MASS_PRODUCTION\", \"reasonsAdded\": [], \"reasonsRemoved\": [\"TOOLING_NOT_JUSTIFIED\"]}"));
		assertThat(body.path("transitions").path("STAY_SMALL_BATCH → GO_MASS_PRODUCTION").asInt()).isPositive();
		assertThat(body.path("rulesVersion").asInt()).isPositive();
	}

	@Test
	void overHttpFilesWithoutGateRulesChangeNothingAndSaySo() throws Exception {
		HttpResponse<String> dmn = post("owner", "files", "dinnerDecisions.dmn",
				Files.readString(Path.of("src", "test", "resources", "fixtures", "models", "dinnerDecisions.dmn")));
		assertThat(dmn.statusCode()).as(dmn.body()).isEqualTo(200);
		JsonNode body = json.readTree(dmn.body());
		assertThat(body.path("products").asInt()).isEqualTo(running());
		assertThat(body.path("changed").isArray()).isTrue();
		assertThat(body.path("changed")).isEmpty();
		assertThat(body.path("note").asText()).contains("no gate rules in this change");

		HttpResponse<String> feedback = post("owner", "files", "customer-feedback.dmn",
				Files.readString(Path.of("bpmn", "customer-feedback.dmn")));
		assertThat(feedback.statusCode()).as(feedback.body()).isEqualTo(200);
		assertThat(json.readTree(feedback.body()).path("note").asText()).contains("customerFeedback");

		HttpResponse<String> bpmn = post("owner", "files", "exampleProcess.bpmn",
				Files.readString(Path.of("src", "test", "resources", "fixtures", "models", "exampleProcess.bpmn")));
		assertThat(bpmn.statusCode()).as(bpmn.body()).isIn(200, 422);
		if (bpmn.statusCode() == 200) {
			assertThat(json.readTree(bpmn.body()).path("changed")).isEmpty();
		}
	}

	@Test
	void overHttpBadInputIsRefusedNamingWhatIsWrong() throws Exception {
		HttpResponse<String> none = post("owner", "other", GATE_DMN, shippedGate());
		assertThat(none.statusCode()).isEqualTo(400);
		assertThat(none.body()).contains("files");

		HttpResponse<String> empty = post("owner", "files", GATE_DMN, "");
		assertThat(empty.statusCode()).as(empty.body()).isEqualTo(422);
		assertThat(json.readTree(empty.body()).path("valid").asBoolean(true)).isFalse();

		HttpResponse<String> notXml = post("owner", "files", GATE_DMN, "this is not XML");
		assertThat(notXml.statusCode()).as(notXml.body()).isEqualTo(422);
		assertThat(json.readTree(notXml.body()).path("problems").get(0).path("file").asText()).isEqualTo(GATE_DMN);

		HttpResponse<String> text = post("owner", "files", "notes.txt", "hello");
		assertThat(text.statusCode()).as(text.body()).isEqualTo(422);

		String juel = shippedGate().replaceFirst(
				"<outputEntry id=\"OutputEntry_toolingEconomics_2\">\\s*<text>\"JUSTIFIED\"</text>",
				"<outputEntry id=\"OutputEntry_toolingEconomics_2\" expressionLanguage=\"juel\"><text>\\${'JUEL ran'}</text>");
		HttpResponse<String> code = post("owner", "files", GATE_DMN, juel);
		assertThat(code.statusCode()).as(code.body()).isEqualTo(422);
		assertThat(code.body()).contains("OutputEntry_toolingEconomics_2").doesNotContain("\"changed\"");

		assertThat(post("engineer", "files", GATE_DMN, looserPayback()).statusCode()).isEqualTo(403);
		assertThat(post("auditor", "files", GATE_DMN, looserPayback()).statusCode()).isEqualTo(403);
	}

	HttpResponse<String> post(String user, String field, String fileName, String content) throws Exception {
		String body = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
				+ fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n" + content + "\r\n--" + BOUNDARY
				+ "--\r\n";
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/models/impact"))
				.header("Authorization",
						"Basic " + Base64.getEncoder()
							.encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
				.header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
				.POST(BodyPublishers.ofString(body, StandardCharsets.UTF_8))
				.build(), BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

}
