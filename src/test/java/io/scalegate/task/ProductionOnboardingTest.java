package io.scalegate.task;

import static io.scalegate.gate.ProductLifecycle.DESIGN_FREEZE_SIGN_OFF;
import static io.scalegate.gate.ProductLifecycle.DESIGN_FROZEN;
import static io.scalegate.gate.ProductLifecycle.GATE_DECISION;
import static io.scalegate.gate.ProductLifecycle.GATE_REVIEW;
import static io.scalegate.gate.ProductLifecycle.INSPECTION_STANDARD_APPROVAL;
import static io.scalegate.gate.ProductLifecycle.INSPECTION_STANDARD_APPROVED;
import static io.scalegate.gate.ProductLifecycle.MATERIAL_CONFIRMED;
import static io.scalegate.gate.ProductLifecycle.PROTOTYPE_DECISION;
import static io.scalegate.gate.ProductLifecycle.PROTOTYPE_REVIEW;
import static io.scalegate.gate.ProductLifecycle.SUPPLIER_APPROVED;
import static io.scalegate.gate.ProductLifecycle.SUPPLIER_QUALIFICATION;
import static io.scalegate.gate.ProductLifecycle.SURFACE_FINISH_CONFIRMED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scalegate.ScaleGateApplication;
import io.scalegate.product.Stage;
import io.scalegate.security.PasswordChanges;
import io.scalegate.security.UserAdministration;
import io.scalegate.security.UserRow;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A plant's first day with the prod profile on PostgreSQL (docs/adr/0014): the one
 * account is {@code admin}; it creates two gatekeepers, an engineer and a quality
 * engineer over the users API; each replaces their one-time password, and with their own
 * passwords they take a product through both gates, four eyes included.
 */
class ProductionOnboardingTest {

	static final String ADMIN_PASSWORD = "first-day-admin-secret-2026";

	static final String AUDIT_KEY = "q83vEjRWeJq8Ld9fYHkD1C2qRf7s0tVx8mK3pZbN4aE=";

	final HttpClient http = HttpClient.newHttpClient();

	final ObjectMapper json = new ObjectMapper().findAndRegisterModules();

	int port;

	HttpResponse<String> send(String method, String path, String user, String password, Object body) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization", "Basic "
					+ Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
		if (body == null) {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		else {
			request.header("Content-Type", "application/json")
				.method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
		}
		return http.send(request.build(), BodyHandlers.ofString());
	}

	String createUser(String username, String fullName, List<String> roles) throws Exception {
		HttpResponse<String> created = send("POST", "/api/admin/users", "admin", ADMIN_PASSWORD,
				Map.of("username", username, "fullName", fullName, "email", username + "@plant.example", "roles", roles,
						"reason", "first day on ScaleGate"));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return json.readTree(created.body()).get("oneTimePassword").asText();
	}

	void post(String path, String user, String password, Object body) throws Exception {
		HttpResponse<String> response = send("POST", path, user, password, body);
		assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(201);
	}

	/**
	 * Attaches a small real PDF of the kind to the product (multipart, as a browser or
	 * script sends it); the answer's SHA-256 is the file's.
	 */
	void upload(String partNumber, String kind, String user, String password) throws Exception {
		java.io.ByteArrayOutputStream pdf = new java.io.ByteArrayOutputStream();
		com.lowagie.text.Document document = new com.lowagie.text.Document();
		com.lowagie.text.pdf.PdfWriter.getInstance(document, pdf);
		document.open();
		document.add(new com.lowagie.text.Paragraph(partNumber + " " + kind));
		document.close();
		String boundary = "onboarding" + System.nanoTime();
		java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
		body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\n" + kind + "\r\n--"
				+ boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + kind.toLowerCase()
				+ ".pdf\"\r\nContent-Type: application/pdf\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.write(pdf.toByteArray());
		body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		HttpResponse<String> response = http.send(HttpRequest
			.newBuilder(URI.create("http://localhost:" + port + "/api/products/" + partNumber + "/documents"))
			.header("Authorization",
					"Basic " + Base64.getEncoder()
						.encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build(), BodyHandlers.ofString());
		assertThat(response.statusCode()).as(kind + " " + response.body()).isEqualTo(201);
		assertThat(json.readTree(response.body()).path("sha256").asText())
			.isEqualTo(io.scalegate.base.Sha256.hex(pdf.toByteArray()));
	}

	@Test
	void theAdministratorOnboardsAPlantThatTakesAProductThroughBothGates() throws Exception {
		// CI gives an empty database of its real PostgreSQL 15 (.ci/run); elsewhere an
		// embedded PostgreSQL
		String ci = System.getenv("SCALEGATE_TEST_ONBOARDING_DB_URL");
		try (EmbeddedPostgres postgres = ci == null || ci.isBlank() ? EmbeddedPostgres.builder().start() : null;
				ConfigurableApplicationContext context = new SpringApplicationBuilder(ScaleGateApplication.class)
					.profiles("prod")
					.run("--server.port=0", "--vaadin.productionMode=false",
							"--spring.datasource.url="
									+ (postgres == null ? ci : postgres.getJdbcUrl("postgres", "postgres")),
							"--spring.datasource.username=" + (postgres == null ? "scalegate" : "postgres"),
							"--spring.datasource.password=" + (postgres == null ? "scalegate" : "postgres"),
							"--camunda.bpm.job-execution.enabled=false", "--camunda.bpm.process-engine-name=onboarding",
							"--camunda.bpm.webapp.enabled=false",
							"--scalegate.security.admin-password=" + ADMIN_PASSWORD,
							"--scalegate.audit.key-id=onboarding-1", "--scalegate.audit.key=" + AUDIT_KEY)) {
			port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
			UserAdministration users = context.getBean(UserAdministration.class);
			assertThat(users.rows()).extracting(UserRow::username).containsExactly("admin");

			Map<String, String> oneTime = new HashMap<>();
			oneTime.put("gail", createUser("gail", "Gail Gatekeeper", List.of("GATEKEEPER", "ENGINEER")));
			oneTime.put("gus", createUser("gus", "Gus Gatekeeper", List.of("GATEKEEPER")));
			oneTime.put("erin", createUser("erin", "Erin Engineer", List.of("ENGINEER")));
			oneTime.put("quinn", createUser("quinn", "Quinn Quality", List.of("QUALITY", "SUPPLIER_QUALITY")));

			// a one-time password opens nothing
			HttpResponse<String> refused = send("GET", "/api/products", "erin", oneTime.get("erin"), null);
			assertThat(refused.statusCode()).isEqualTo(401);
			assertThat(refused.body()).contains("one-time password");

			PasswordChanges changes = context.getBean(PasswordChanges.class);
			Map<String, String> password = Map.of("gail", "keeps the second gate shut", "gus",
					"opens the last door slowly", "erin", "draws bracket seven in blue", "quinn",
					"measures twice cuts once");
			password.forEach((user, chosen) -> changes.replaceOneTimePassword(user, oneTime.get(user), chosen, chosen,
					"127.0.0.1"));
			assertThat(users.rows()).noneMatch(UserRow::mustChangePassword);

			// the engineer registers the product, the quality engineer and the engineer
			// record
			// its evidence, all over the API with their own passwords
			String part = "ONB-1001";
			post("/api/products", "erin", password.get("erin"), Map.of("partNumber", part, "name", "Onboarding bracket",
					"customer", "First customer", "revision", "A", "owner", "erin", "unitCostReductionPriority", true));
			LocalDate today = LocalDate.now();
			int[] demand = { 1000, 1100, 900, 1000 };
			for (int month = 0; month < 12; month++) {
				post("/api/products/" + part + "/orders", "quinn", password.get("quinn"),
						Map.of("orderMonth", today.withDayOfMonth(1).minusMonths(12 - month).toString(), "quantity",
								demand[month % 4], "customer", "First customer"));
			}
			for (int batch = 0; batch < 5; batch++) {
				LocalDate delivered = today.minusMonths(6 - batch);
				post("/api/products/" + part + "/small-batches", "quinn", password.get("quinn"),
						Map.of("batchNumber", "B" + batch, "quantity", 200, "dimensionalResult", "PASS", "finishResult",
								"PASS", "inspectionResult", "PASS", "promisedOn", delivered.toString(), "deliveredOn",
								delivered.toString()));
			}
			post("/api/products/" + part + "/capability-studies", "quinn", password.get("quinn"),
					Map.of("characteristic", "Bore", "studiedOn", today.minusDays(5).toString(), "lowerSpecLimit", 9.9,
							"upperSpecLimit", 10.1, "mean", 10.0, "standardDeviation", 0.02, "sampleSize", 50));
			post("/api/products/" + part + "/cost-estimates", "erin", password.get("erin"),
					Map.of("estimatedOn", today.minusDays(3).toString(), "currency", "EUR", "smallBatchUnitCost", 12.00,
							"massUnitCost", 5.00, "toolingInvestment", 50000, "forecastAnnualVolume", 20000));
			for (int i = 0; i < 2; i++) {
				post("/api/products/" + part + "/feedback", "quinn", password.get("quinn"), Map.of("receivedOn",
						today.minusDays(2).toString(), "customer", "First customer", "rating", "POSITIVE"));
			}

			// the deliverables the gates require (bpmn/gate-deliverables.dmn), attached
			// as files
			upload(part, "DRAWING", "erin", password.get("erin"));
			for (String kind : List.of("FIRST_ARTICLE_INSPECTION", "MATERIAL_CERTIFICATE", "CONTROL_PLAN",
					"PPAP_SUBMISSION_WARRANT")) {
				upload(part, kind, "quinn", password.get("quinn"));
			}

			TaskCompletion completion = context.getBean(TaskCompletion.class);
			TaskService tasks = context.getBean(TaskService.class);
			SignOff sign = (taskKey, user, values) -> completion.complete(
					tasks.createTaskQuery()
						.processInstanceBusinessKey(part)
						.taskDefinitionKey(taskKey)
						.singleResult()
						.getId(),
					user, password.get(user), TaskVerdict.meaningOf(taskKey, values, SignatureMeaning.REVIEWED),
					values);

			// gate 1, then readiness: the gatekeeper who is also an engineer freezes the
			// design
			sign.sign(PROTOTYPE_REVIEW, "erin", Map.of(PROTOTYPE_DECISION.name(), "GO"));
			sign.sign(DESIGN_FREEZE_SIGN_OFF, "gail", Map.of(DESIGN_FROZEN.name(), true));
			sign.sign(INSPECTION_STANDARD_APPROVAL, "quinn", Map.of(INSPECTION_STANDARD_APPROVED.name(), true,
					MATERIAL_CONFIRMED.name(), true, SURFACE_FINISH_CONFIRMED.name(), true));
			sign.sign(SUPPLIER_QUALIFICATION, "quinn", Map.of(SUPPLIER_APPROVED.name(), true));

			// four eyes: who signed a readiness task cannot decide the gate; the other
			// gatekeeper does
			JsonNode ready = json
				.readTree(send("GET", "/api/products/" + part, "gus", password.get("gus"), null).body());
			assertThat(ready.path("gateRecommendation").asText()).as(ready.toString()).isEqualTo("GO_MASS_PRODUCTION");
			Map<String, Object> go = Map.of(GATE_DECISION.name(), "GO_MASS_PRODUCTION");
			assertThatThrownBy(() -> sign.sign(GATE_REVIEW, "gail", go)).isInstanceOf(FourEyesViolation.class);
			assertThatThrownBy(() -> completion.complete(tasks.createTaskQuery()
				.processInstanceBusinessKey(part)
				.taskDefinitionKey(GATE_REVIEW)
				.singleResult()
				.getId(), "gus", "not gus's password", SignatureMeaning.APPROVED, go))
				.hasMessageContaining("wrong password");
			sign.sign(GATE_REVIEW, "gus", go);

			JsonNode product = json
				.readTree(send("GET", "/api/products/" + part, "gus", password.get("gus"), null).body());
			assertThat(product.get("stage").asText()).isEqualTo(Stage.MASS_PRODUCTION.name());
			List<Signature> signed = context.getBean(Signatures.class).findByPartNumberOrderBySignedAtAsc(part);
			assertThat(signed).extracting(Signature::username).containsExactly("erin", "gail", "quinn", "quinn", "gus");
			assertThat(signed).extracting(Signature::printedName)
				.contains("Erin Engineer", "Gail Gatekeeper", "Quinn Quality", "Gus Gatekeeper");
			// the last login is kept for whoever signed in (gail only signed, never
			// signed in)
			assertThat(users.rows()).filteredOn(row -> row.lastLoginAt() != null)
				.extracting(UserRow::username)
				.containsExactlyInAnyOrder("admin", "erin", "quinn", "gus");
		}
	}

	/** Signs a task of the product as a person, with their own password. */
	interface SignOff {

		void sign(String taskKey, String user, Map<String, Object> values);

	}

}
