package io.scalegate.model.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scalegate.ScaleGateTest;
import io.scalegate.audit.AuditQuery;
import io.scalegate.audit.AuditSearch;
import io.scalegate.base.AuditAction;
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
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Validation over HTTP: ScaleGate's endpoint, and the same checks guarding Camunda
 * Modeler's deployment endpoint.
 */
@ScaleGateTest
class ModelApiTest {

	static final String BOUNDARY = "scalegate-test-boundary";

	@LocalServerPort
	int port;

	@Autowired
	ObjectMapper json;

	@Autowired
	RepositoryService repository;

	@Autowired
	AuditSearch search;

	@Autowired
	io.scalegate.model.change.ModelChanges changes;

	HttpResponse<String> post(String path, String user, String field, String fileName, String content)
			throws Exception {
		String body = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\ntest\r\n"
				+ "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n" + content + "\r\n--" + BOUNDARY + "--\r\n";
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
				.header("Authorization",
						"Basic " + Base64.getEncoder()
							.encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
				.header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
				.POST(BodyPublishers.ofString(body))
				.build(), BodyHandlers.ofString());
	}

	/**
	 * Posts ScaleGate's models (bpmn/ and forms/), the lifecycle with {@code from}
	 * replaced by {@code to}.
	 */
	HttpResponse<String> validateOursWith(String from, String to) throws Exception {
		StringBuilder body = new StringBuilder();
		for (String folder : new String[] { "bpmn", "forms" }) {
			try (var paths = Files.list(Path.of(folder))) {
				for (Path path : paths.sorted().toList()) {
					String content = Files.readString(path);
					if (path.getFileName().toString().equals("product-lifecycle.bpmn")) {
						assertThat(content).contains(from);
						content = content.replace(from, to);
					}
					body.append("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\""
							+ path.getFileName() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n" + content
							+ "\r\n");
				}
			}
		}
		body.append("--" + BOUNDARY + "--\r\n");
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/models/validate"))
				.header("Authorization",
						"Basic " + Base64.getEncoder().encodeToString("owner:demo".getBytes(StandardCharsets.UTF_8)))
				.header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
				.POST(BodyPublishers.ofString(body.toString()))
				.build(), BodyHandlers.ofString());
	}

	static String fixture(String name) throws Exception {
		return Files.readString(Path.of("src", "test", "resources", "fixtures", "models", name));
	}

	@Test
	void validatesWithoutDeploying() throws Exception {
		long deployments = repository.createDeploymentQuery().count();

		HttpResponse<String> good = post("/api/models/validate", "owner", "files", "dinnerDecisions.dmn",
				fixture("dinnerDecisions.dmn"));
		assertThat(good.statusCode()).isEqualTo(200);
		assertThat(json.readTree(good.body())).isEqualTo(json.readTree("{\"valid\": true}"));

		HttpResponse<String> bad = post("/api/models/validate", "owner", "files", "xslt-example.bpmn",
				fixture("xslt-example.bpmn"));
		assertThat(bad.statusCode()).isEqualTo(422);
		JsonNode verdict = json.readTree(bad.body());
		assertThat(verdict.path("valid").asBoolean()).isFalse();
		assertThat(verdict.path("problems").get(0).path("file").asText()).isEqualTo("xslt-example.bpmn");
		assertThat(verdict.path("problems").get(0).path("element").asText()).isNotBlank();
		assertThat(verdict.path("problems").toString()).contains("script tasks run arbitrary code");

		assertThat(post("/api/models/validate", "owner", "other", "x.bpmn", "<x/>").statusCode()).isEqualTo(400);
		assertThat(post("/api/models/validate", "engineer", "files", "x.bpmn", "<x/>").statusCode()).isEqualTo(403);
		assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
	}

	@Test
	void answers422NamingTheFileForABpmnNested30000Deep() throws Exception {
		String deep = "<?xml version=\"1.0\"?><definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" "
				+ "id=\"d\" targetNamespace=\"t\"><process id=\"p\">" + "<subProcess>".repeat(30_000)
				+ "</subProcess>".repeat(30_000) + "</process></definitions>";

		HttpResponse<String> refused = post("/api/models/validate", "owner", "files", "deep.bpmn", deep);

		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
		JsonNode problem = json.readTree(refused.body()).path("problems").get(0);
		assertThat(problem.path("file").asText()).isEqualTo("deep.bpmn");
		assertThat(problem.path("message").asText()).isEqualTo("the XML nests elements deeper than 200 levels");
	}

	@Test
	void answersValidForTheShippedModels() throws Exception {
		HttpResponse<String> shipped = validateOursWith("${prototypeDecision == 'GO'}", "${prototypeDecision == 'GO'}");
		assertThat(shipped.statusCode()).as(shipped.body()).isEqualTo(200);
		assertThat(json.readTree(shipped.body())).isEqualTo(json.readTree("{\"valid\": true}"));
	}

	@Test
	void answers422NamingTheElementForAConditionCallingABean() throws Exception {
		HttpResponse<String> refused = validateOursWith("${prototypeDecision == 'GO'}",
				"${apiTokens.issue('x','ADMIN','owner') != null}");
		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
		JsonNode verdict = json.readTree(refused.body());
		assertThat(verdict.path("valid").asBoolean()).isFalse();
		assertThat(verdict.path("problems")).anySatisfy(problem -> {
			assertThat(problem.path("file").asText()).isEqualTo("product-lifecycle.bpmn");
			assertThat(problem.path("element").asText()).isEqualTo("flow_gate1Go");
			assertThat(problem.path("message").asText()).contains("calls issue on apiTokens");
		});
	}

	@Test
	void answers422NamingTheElementForAnInputParameterCallingABean() throws Exception {
		HttpResponse<String> refused = validateOursWith(
				"<camunda:inputParameter name=\"targetStage\">SMALL_BATCH</camunda:inputParameter>",
				"<camunda:inputParameter name=\"targetStage\">${userAccounts.all()}</camunda:inputParameter>");
		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
		assertThat(json.readTree(refused.body()).path("problems")).anySatisfy(problem -> {
			assertThat(problem.path("element").asText()).isEqualTo("serviceTask_enterSmallBatch");
			assertThat(problem.path("message").asText()).contains("calls all on userAccounts");
		});
	}

	@Test
	void camundaModelersDeploymentEndpointRefusesWhatValidationRefusesAndKeepsAValidModelAsADraft() throws Exception {
		long deployments = repository.createDeploymentQuery().count();

		HttpResponse<String> malformed = post("/engine-rest/deployment/create", "owner", "data", "broken.bpmn",
				"<definitions><process id=\"x\"");
		assertThat(malformed.statusCode()).isEqualTo(400);
		assertThat(malformed.body()).contains("does not parse");

		HttpResponse<String> script = post("/engine-rest/deployment/create", "owner", "data", "xslt-example.bpmn",
				fixture("xslt-example.bpmn"));
		assertThat(script.statusCode()).isEqualTo(400);
		assertThat(script.body()).contains("script tasks run arbitrary code");
		assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);

		HttpResponse<String> valid = post("/engine-rest/deployment/create", "owner", "data", "dinnerDecisions.dmn",
				fixture("dinnerDecisions.dmn"));
		assertThat(valid.statusCode()).as(valid.body()).isEqualTo(400);
		assertThat(valid.body()).contains("only after a second process owner approves it")
			.contains("dinnerDecisions.dmn");
		assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
		assertThat(changes.recent()).first().satisfies(draft -> {
			assertThat(draft.resourceName()).isEqualTo("bpmn/dinnerDecisions.dmn");
			assertThat(draft.author()).isEqualTo("owner");
			assertThat(draft.status()).isEqualTo(io.scalegate.model.change.ModelChange.Status.DRAFT);
		});
		assertThat(search.page(new AuditQuery("owner", java.util.Set.of(AuditAction.MODEL_CHANGE_DRAFTED), null,
				"bpmn/dinnerDecisions.dmn", null, null, null), 0, 1))
			.hasSize(1);
	}

}
