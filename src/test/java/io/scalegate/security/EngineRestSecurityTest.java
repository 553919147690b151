package io.scalegate.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.scalegate.ScaleGateTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Who may do what on Camunda's REST API and webapps: the 401/403 matrix, the allow-list,
 * the expression guard.
 */
@ScaleGateTest
class EngineRestSecurityTest {

	static final String EVALUATE = "/engine-rest/decision-definition/key/massProductionGate/evaluate";

	static final String GATE_INPUTS = """
			{"variables": {
			  "demandMonths": {"value": 12, "type": "Integer"}, "demandCv": {"value": 0.1, "type": "Double"},
			  "toolingInvestment": {"value": 50000, "type": "Double"}, "smallBatchUnitCost": {"value": 12.0, "type": "Double"},
			  "massUnitCost": {"value": 5.0, "type": "Double"}, "forecastAnnualVolume": {"value": 20000, "type": "Integer"},
			  "supplierBatchesDelivered": {"value": 5, "type": "Integer"}, "supplierOnTimeRate": {"value": 0.98, "type": "Double"},
			  "supplierFirstPassYield": {"value": 0.99, "type": "Double"}, "processCpk": {"value": 1.5, "type": "Double"},
			  "designFrozen": {"value": true, "type": "Boolean"}, "inspectionStandardApproved": {"value": true, "type": "Boolean"},
			  "materialConfirmed": {"value": true, "type": "Boolean"}, "surfaceFinishConfirmed": {"value": false, "type": "Boolean"},
			  "supplierApproved": {"value": true, "type": "Boolean"}, "unitCostReductionPriority": {"value": true, "type": "Boolean"},
			  "needsSupplyCoordination": {"value": false, "type": "Boolean"},
			  "designChangesLast90Days": {"value": 0, "type": "Integer"}, "customerFeedback": {"value": "POSITIVE", "type": "String"}
			}}""";

	@LocalServerPort
	int port;

	@Autowired
	ProcessEngine engine;

	@Autowired
	HistoryService history;

	@Autowired
	org.camunda.bpm.engine.RepositoryService repository;

	final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	HttpResponse<String> send(String method, String path, String user, String password, String contentType,
			BodyPublisher body) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.method(method, body);
		if (user != null) {
			request.header("Authorization", "Basic "
					+ Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
		}
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		return http.send(request.build(), BodyHandlers.ofString());
	}

	int status(String method, String path, String user) throws Exception {
		return send(method, path, user, "demo", null, BodyPublishers.noBody()).statusCode();
	}

	HttpResponse<String> evaluate(String user, String password) throws Exception {
		return send("POST", EVALUATE, user, password, "application/json", BodyPublishers.ofString(GATE_INPUTS));
	}

	@Test
	void anonymousAndWrongPasswordsGet401() throws Exception {
		assertThat(status("GET", "/engine-rest/deployment", null)).isEqualTo(401);
		assertThat(evaluate(null, null).statusCode()).isEqualTo(401);
		assertThat(evaluate("owner", "wrong").statusCode()).isEqualTo(401);
		assertThat(evaluate("nobody", "demo").statusCode()).isEqualTo(401);
		assertThat(evaluate(null, null).headers().firstValue("WWW-Authenticate"))
			.hasValueSatisfying(challenge -> assertThat(challenge).startsWith("Basic"));
	}

	@ParameterizedTest(name = "{0} evaluating the gate -> {1}")
	@CsvSource({ "owner, 200", "gatekeeper, 200", "admin, 200", "auditor, 200", "engineer, 403", "quality, 403",
			"supplier, 403" })
	void evaluatingDecisionsIsForOwnersGatekeepersAdminsAndAuditors(String user, int expected) throws Exception {
		assertThat(evaluate(user, "demo").statusCode()).isEqualTo(expected);
	}

	@Test
	void theGateAnswersWithARecommendationAndItsReasons() throws Exception {
		HttpResponse<String> gate = evaluate("owner", "demo");
		assertThat(gate.body()).contains("\"gateRecommendation\"").contains("STAY_SMALL_BATCH");
		HttpResponse<String> reasons = send("POST", "/engine-rest/decision-definition/key/gateReasons/evaluate",
				"owner", "demo", "application/json", BodyPublishers.ofString(GATE_INPUTS));
		assertThat(reasons.statusCode()).isEqualTo(200);
		assertThat(reasons.body()).contains("FINISH_NOT_CONFIRMED").doesNotContain("DESIGN_NOT_FROZEN");
	}

	@Test
	void theEngineKnowsWhoEvaluated() throws Exception {
		evaluate("gatekeeper", "demo");
		assertThat(history.createHistoricDecisionInstanceQuery()
			.decisionDefinitionKey("massProductionGate")
			.orderByEvaluationTime()
			.desc()
			.listPage(0, 1)
			.get(0)
			.getUserId()).isEqualTo("gatekeeper");
	}

	/**
	 * Owners and admins get through to ScaleGate's governance, which keeps the model as a
	 * draft (400).
	 */
	@ParameterizedTest(name = "{0} deploying -> {1}")
	@CsvSource({ "owner, 400", "admin, 400", "engineer, 403", "gatekeeper, 403", "auditor, 403" })
	void onlyProcessOwnersAndAdminsDeploy(String user, int expected) throws Exception {
		assertThat(deploy(user).statusCode()).isEqualTo(expected);
	}

	@Test
	void nobodyDeletesDeploymentsThroughTheEngineApi() throws Exception {
		String id = repository.createDeploymentQuery().listPage(0, 1).get(0).getId();
		assertThat(status("DELETE", "/engine-rest/deployment/" + id, "gatekeeper")).isEqualTo(403);
		assertThat(status("DELETE", "/engine-rest/deployment/" + id, "owner")).isEqualTo(403);
		assertThat(status("DELETE", "/engine-rest/deployment/" + id, "admin")).isEqualTo(403);
		assertThat(repository.createDeploymentQuery().deploymentId(id).count()).isEqualTo(1);
	}

	HttpResponse<String> deploy(String user) throws Exception {
		String boundary = "----scalegate" + UUID.randomUUID();
		String dmn = """
				<?xml version="1.0" encoding="UTF-8"?>
				<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" xmlns:camunda="http://camunda.org/schema/1.0/dmn" id="d" name="d" namespace="t">
				  <decision id="securityProbe" name="probe" camunda:historyTimeToLive="1">
				    <decisionTable id="t">
				      <input id="i"><inputExpression id="ie" typeRef="string"><text>x</text></inputExpression></input>
				      <output id="o" name="y" typeRef="string" />
				      <rule id="r"><inputEntry id="e"><text>-</text></inputEntry><outputEntry id="oe"><text>"ok"</text></outputEntry></rule>
				    </decisionTable>
				  </decision>
				</definitions>
				""";
		String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nprobe\r\n"
				+ "--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"probe.dmn\"\r\n"
				+ "Content-Type: application/octet-stream\r\n\r\n" + dmn + "\r\n--" + boundary + "--\r\n";
		return send("POST", "/engine-rest/deployment/create", user, "demo", "multipart/form-data; boundary=" + boundary,
				BodyPublishers.ofString(body));
	}

	@ParameterizedTest(name = "{0} {1} is not exposed")
	@CsvSource({ "GET, /engine-rest/task", "GET, /engine-rest/user", "GET, /engine-rest/process-instance",
			"POST, /engine-rest/process-definition/key/productLifecycle/start", "POST, /engine-rest/task",
			"GET, /engine-rest/execution", "POST, /engine-rest/message", "GET, /engine-rest/job",
			"POST, /engine-rest/task/x/complete", "POST, /engine-rest/task/x/submit-form",
			"PUT, /engine-rest/process-instance/x/variables/designFrozen", "DELETE, /engine-rest/process-instance/x" })
	void endpointsOutsideTheAllowListAreRefusedEvenToAdmins(String method, String path) throws Exception {
		assertThat(status(method, path, "admin")).isEqualTo(403);
	}

	@Test
	void readsAreAllowedToReaders() throws Exception {
		assertThat(status("GET", "/engine-rest/version", "auditor")).isEqualTo(200);
		assertThat(status("GET", "/engine-rest/process-definition/key/productLifecycle/xml", "auditor")).isEqualTo(200);
		assertThat(status("GET", "/engine-rest/deployment", "engineer")).isEqualTo(403);
	}

	@Test
	void queriesCarryingExpressionsAreRefused() throws Exception {
		assertThat(status("GET", "/engine-rest/process-definition?nameLike=%24%7BprocessEngine%7D", "owner"))
			.isEqualTo(400);
		assertThat(status("GET", "/engine-rest/deployment?name=%23%7Bx%7D", "owner")).isEqualTo(400);
		// a bounded query (the engine limits unbounded ones for users) without an
		// expression passes
		assertThat(status("GET", "/engine-rest/process-definition?nameLike=safe&maxResults=10", "owner"))
			.isEqualTo(200);
	}

	@Test
	void theWebappApiIsClosedToAnonymousCallersIncludingTheFirstAdminSetup() throws Exception {
		HttpResponse<String> setup = send("POST", "/camunda/api/admin/setup/default/user/create", null, null,
				"application/json",
				BodyPublishers.ofString("{\"profile\":{\"id\":\"intruder\"},\"credentials\":{\"password\":\"x\"}}"));
		assertThat(setup.statusCode()).isEqualTo(401);
		assertThat(engine.getIdentityService().createUserQuery().userId("intruder").count()).isZero();
		assertThat(status("GET", "/camunda/api/engine/engine/default/task", null)).isEqualTo(401);
		assertThat(status("GET", "/camunda/app/cockpit/default/", null)).isEqualTo(302);
	}

	@Test
	void theWebappsAreForAdminsOnly() throws Exception {
		String engineerSession = login("engineer");
		assertThat(withSession("GET", "/camunda/app/cockpit/default/", engineerSession, null).statusCode())
			.isEqualTo(403);
		String adminSession = login("admin");
		assertThat(withSession("GET", "/camunda/app/cockpit/default/", adminSession, null).statusCode()).isEqualTo(200);
		HttpResponse<String> whoAmI = withSession("GET", "/camunda/api/admin/auth/user/default", adminSession, null);
		assertThat(whoAmI.statusCode()).isEqualTo(200);
		assertThat(whoAmI.body()).contains("\"userId\":\"admin\"");
	}

	@Test
	void theWebappApiRefusesExpressionsInOrQueries() throws Exception {
		String adminSession = login("admin");
		String query = "{\"orQueries\":[{\"assigneeExpression\":\"${currentUser()}\"}]}";
		assertThat(withSession("POST", "/camunda/api/engine/engine/default/task", adminSession, query).statusCode())
			.isEqualTo(400);
		String escaped = "{\"orQueries\":[{\"assigneeExpression\":\"\\u0024{currentUser()}\"}]}";
		assertThat(withSession("POST", "/camunda/api/engine/engine/default/task", adminSession, escaped).statusCode())
			.isEqualTo(400);
	}

	@Test
	void theEngineIsHardened() {
		ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine
			.getProcessEngineConfiguration();
		assertThat(configuration.isEnableExpressionsInAdhocQueries()).isFalse();
		assertThat(configuration.isEnableExpressionsInStoredQueries()).isFalse();
		assertThat(configuration.getQueryMaxResultsLimit()).isEqualTo(2000);
		assertThat(configuration.isDeserializationTypeValidationEnabled()).isTrue();
		assertThat(configuration.isEnableXxeProcessing()).isFalse();
		assertThat(configuration.isJavaSerializationFormatEnabled()).isFalse();
	}

	/** Logs in through the form the UI uses and returns the session cookie. */
	String login(String user) throws Exception {
		HttpResponse<String> page = send("GET", "/login", null, null, null, BodyPublishers.noBody());
		String cookie = page.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
		String csrf = page.body().replaceAll("(?s).*<meta name=\"_csrf\" content=\"([^\"]+)\".*", "$1");
		HttpRequest login = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Cookie", cookie)
			.POST(BodyPublishers.ofString("username=" + user + "&password=demo&_csrf=" + csrf))
			.build();
		HttpResponse<String> response = http.send(login, BodyHandlers.ofString());
		assertThat(response.statusCode()).as("login of " + user).isEqualTo(302);
		assertThat(response.headers().firstValue("Location").orElse("")).doesNotContain("error");
		return response.headers().firstValue("Set-Cookie").map(c -> c.split(";")[0]).orElse(cookie);
	}

	HttpResponse<String> withSession(String method, String path, String cookie, String json) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Cookie", cookie)
			.method(method, json == null ? BodyPublishers.noBody() : BodyPublishers.ofString(json));
		if (json != null) {
			request.header("Content-Type", "application/json");
		}
		return http.send(request.build(), BodyHandlers.ofString());
	}

}
