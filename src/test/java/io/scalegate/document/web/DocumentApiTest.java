package io.scalegate.document.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scalegate.ScaleGateTest;
import io.scalegate.audit.AuditTrail;
import io.scalegate.base.Sha256;
import io.scalegate.document.SampleFiles;
import io.scalegate.product.ProductRegistration;
import io.scalegate.product.ProductService;
import io.scalegate.security.ApiTokens;
import io.scalegate.security.Role;
import io.scalegate.security.dev.DemoAccounts;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * The documents API (docs/adr/0018): attach with Basic or a Bearer token (no CSRF token
 * on the API chain), the type judged by content, refusals naming the field with nothing
 * kept or audited, downloads with the stored type, the hash in the trail. Runs on H2 and,
 * in Failsafe's second run, on PostgreSQL.
 */
@ScaleGateTest
class DocumentApiTest {

	@Autowired
	WebApplicationContext context;

	@Autowired
	AuditTrail auditTrail;

	@Autowired
	ObjectMapper json;

	@Autowired
	ProductService products;

	@Autowired
	ApiTokens tokens;

	@Autowired
	JdbcClient jdbc;

	MockMvc mvc;

	String partNumber;

	@BeforeEach
	void setUp() {
		mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
		partNumber = aProduct();
	}

	String aProduct() {
		String number = "DOC-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		products.register(new ProductRegistration(number, "Bracket", "Kestrel Pumps", "A", "engineer", false, false),
				"engineer");
		return number;
	}

	MockMultipartHttpServletRequestBuilder upload(String part, String fileName, byte[] content, String kind) {
		MockMultipartHttpServletRequestBuilder request = multipart("/api/products/{pn}/documents", part);
		if (content != null) {
			request.file(new MockMultipartFile("file", fileName, "application/pdf", content));
		}
		if (kind != null) {
			request.param("kind", kind);
		}
		return request;
	}

	MockHttpServletResponse as(String user, org.springframework.test.web.servlet.RequestBuilder request)
			throws Exception {
		if (request instanceof MockMultipartHttpServletRequestBuilder multipart) {
			return mvc.perform(multipart.with(httpBasic(user, DemoAccounts.PASSWORD))).andReturn().getResponse();
		}
		return mvc
			.perform(((org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder) request)
				.with(httpBasic(user, DemoAccounts.PASSWORD)))
			.andReturn()
			.getResponse();
	}

	String errorOn(MockHttpServletResponse response, String field) throws Exception {
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(400);
		for (JsonNode error : json.readTree(response.getContentAsString()).path("errors")) {
			if (error.path("field").asText().equals(field)) {
				return error.path("message").asText();
			}
		}
		throw new AssertionError("no error on " + field + ": " + response.getContentAsString());
	}

	List<String> trail(String part) {
		auditTrail.sealCommitted();
		return jdbc.sql("select details from audit_entry where action = 'DOCUMENT_ATTACHED' and subject_id = ?")
			.param(part)
			.query(String.class)
			.list();
	}

	@Test
	void qualityAttachesAReportEveryoneListsAndDownloadsItAndTheTrailKeepsItsHash() throws Exception {
		byte[] report = SampleFiles.pdf("Inspection report 4711");

		MockHttpServletResponse created = as("quality",
				upload(partNumber, "report 4711.pdf", report, "INSPECTION_REPORT"));

		assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
		JsonNode body = json.readTree(created.getContentAsString());
		String id = body.path("id").asText();
		assertThat(body.path("sha256").asText()).isEqualTo(Sha256.hex(report));
		assertThat(body.path("version").asInt()).isEqualTo(1);
		assertThat(body.path("mediaType").asText()).isEqualTo("application/pdf");
		assertThat(body.path("uploadedBy").asText()).isEqualTo("quality");
		assertThat(created.getHeader("Location")).isEqualTo("/api/products/" + partNumber + "/documents/" + id);

		JsonNode second = json
			.readTree(as("quality", upload(partNumber, "report.pdf", SampleFiles.pdf("again"), "INSPECTION_REPORT"))
				.getContentAsString());
		assertThat(second.path("version").asInt()).isEqualTo(2);

		JsonNode list = json
			.readTree(as("auditor", get("/api/products/{pn}/documents", partNumber)).getContentAsString());
		assertThat(list).hasSize(2);
		assertThat(list.toString()).doesNotContain("content");

		MockHttpServletResponse download = as("gatekeeper", get("/api/products/{pn}/documents/{id}", partNumber, id));
		assertThat(download.getStatus()).isEqualTo(200);
		assertThat(download.getContentAsByteArray()).isEqualTo(report);
		assertThat(download.getContentType()).isEqualTo("application/pdf");
		assertThat(download.getHeader("Content-Disposition"))
			.isEqualTo("attachment; filename=\"report 4711.pdf\"; filename*=UTF-8''report%204711.pdf");
		assertThat(download.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");

		assertThat(trail(partNumber)).hasSize(2)
			.anySatisfy(details -> assertThat(details).contains(Sha256.hex(report), "INSPECTION_REPORT",
					"report 4711.pdf", "\"version\":1", "\"sizeBytes\":" + report.length));
		auditTrail.sealCommitted();
		assertThat(jdbc.sql("select actor from audit_entry where action = 'DOCUMENT_ATTACHED' and subject_id = ?")
			.param(partNumber)
			.query(String.class)
			.list()).containsOnly("quality");
	}

	@Test
	void aBearerTokenAttachesWithoutACsrfTokenAndLinksTheEvidence() throws Exception {
		String secret = tokens
			.issue("mes-" + UUID.randomUUID().toString().substring(0, 6), Role.SUPPLIER_QUALITY, "admin")
			.secret();

		MockHttpServletResponse created = mvc
			.perform(upload(partNumber, "cert.png", SampleFiles.png(), "MATERIAL_CERTIFICATE")
				.param("evidenceKind", "SMALL_BATCH")
				.param("evidenceId", "17")
				.header("Authorization", "Bearer " + secret))
			.andReturn()
			.getResponse();

		assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
		JsonNode body = json.readTree(created.getContentAsString());
		assertThat(body.path("mediaType").asText()).isEqualTo("image/png");
		assertThat(body.path("links").path("evidenceKind").asText()).isEqualTo("SMALL_BATCH");
		assertThat(body.path("links").path("evidenceId").asLong()).isEqualTo(17);
	}

	@Test
	void aWordFileAndACsvAreKnownByTheirContent() throws Exception {
		MockHttpServletResponse word = as("engineer", upload(partNumber, "plan", SampleFiles.docx(), "CONTROL_PLAN"));
		assertThat(json.readTree(word.getContentAsString()).path("mediaType").asText())
			.isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");

		MockHttpServletResponse csv = as("quality",
				upload(partNumber, "cpk.csv", SampleFiles.text("a,b\n1,2\n"), "CAPABILITY_STUDY_REPORT"));
		assertThat(json.readTree(csv.getContentAsString()).path("mediaType").asText()).isEqualTo("text/csv");
	}

	@Test
	void aFileNotAllowedByItsContentIsRefusedNamingTheFileAndNothingIsKeptOrAudited() throws Exception {
		assertThat(errorOn(as("quality", upload(partNumber, "report.pdf", SampleFiles.zip(), "INSPECTION_REPORT")),
				"file"))
			.contains("application/zip", "not allowed");
		assertThat(errorOn(as("quality", upload(partNumber, "report.pdf", SampleFiles.executable(), "OTHER")), "file"))
			.contains("not allowed");
		assertThat(errorOn(as("quality", upload(partNumber, "empty.pdf", new byte[0], "OTHER")), "file"))
			.isEqualTo("is empty");
		byte[] tooLarge = new byte[20 * 1024 * 1024 + 1];
		System.arraycopy(SampleFiles.pdf("x"), 0, tooLarge, 0, 100);
		assertThat(errorOn(as("quality", upload(partNumber, "big.pdf", tooLarge, "OTHER")), "file"))
			.contains("larger than the 20.0 MB allowed");
		assertThat(errorOn(as("quality", upload(partNumber, "a.pdf", SampleFiles.pdf("a"), "BLUEPRINT")), "kind"))
			.contains("must be one of", "INSPECTION_REPORT");
		assertThat(errorOn(as("quality", upload(partNumber, "a.pdf", SampleFiles.pdf("a"), null)), "kind"))
			.isEqualTo("is required");
		assertThat(errorOn(as("quality", upload(partNumber, null, null, "OTHER")), "file")).isEqualTo("is required");

		assertThat(json.readTree(as("auditor", get("/api/products/{pn}/documents", partNumber)).getContentAsString()))
			.isEmpty();
		assertThat(trail(partNumber)).isEmpty();
	}

	@Test
	void onlyTheKindsUploadersMayAttachIt() throws Exception {
		assertThat(as("auditor", upload(partNumber, "a.pdf", SampleFiles.pdf("a"), "OTHER")).getStatus())
			.isEqualTo(403);
		assertThat(as("gatekeeper", upload(partNumber, "a.pdf", SampleFiles.pdf("a"), "OTHER")).getStatus())
			.isEqualTo(403);
		assertThat(as("engineer", upload(partNumber, "a.pdf", SampleFiles.pdf("a"), "INSPECTION_REPORT")).getStatus())
			.isEqualTo(403);
		assertThat(as("engineer", upload(partNumber, "a.pdf", SampleFiles.pdf("a"), "DRAWING")).getStatus())
			.isEqualTo(201);
		assertThat(mvc.perform(get("/api/products/{pn}/documents", partNumber)).andReturn().getResponse().getStatus())
			.isEqualTo(401);
	}

	@Test
	void anUnknownProductOrDocumentAndAnotherProductsDocumentAreNotFound() throws Exception {
		String id = json
			.readTree(as("engineer", upload(partNumber, "a.pdf", SampleFiles.pdf("a"), "DRAWING")).getContentAsString())
			.path("id")
			.asText();
		String other = aProduct();

		assertThat(as("auditor", get("/api/products/{pn}/documents/{id}", other, id)).getStatus()).isEqualTo(404);
		assertThat(as("auditor", get("/api/products/{pn}/documents/{id}", partNumber, UUID.randomUUID())).getStatus())
			.isEqualTo(404);
		assertThat(as("auditor", get("/api/products/NO-SUCH-PART/documents")).getStatus()).isEqualTo(404);
		assertThat(as("engineer", upload("NO-SUCH-PART", "a.pdf", SampleFiles.pdf("a"), "DRAWING")).getStatus())
			.isEqualTo(404);
	}

}
