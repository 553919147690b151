package io.scalegate.comment.web;

import static io.scalegate.gate.ProductLifecycle.PROTOTYPE_REVIEW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scalegate.ScaleGateTest;
import io.scalegate.gate.process.Lifecycles;
import io.scalegate.product.Product;
import io.scalegate.security.dev.DemoAccounts;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * {@code /api/products/{pn}/comments} and {@code /api/tasks/{id}/comments}: 201 with id
 * and Location, 400 naming the body, 404 for what does not exist, 403 for auditors.
 */
@ScaleGateTest
class CommentsApiTest {

	@Autowired
	WebApplicationContext context;

	@Autowired
	ObjectMapper json;

	@Autowired
	Lifecycles lifecycles;

	@Autowired
	JdbcClient jdbc;

	MockMvc mvc;

	@BeforeEach
	void setUp() {
		mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
	}

	MockHttpServletResponse call(MockHttpServletRequestBuilder request, String username, String body) throws Exception {
		if (body != null) {
			request.contentType(MediaType.APPLICATION_JSON).content(body);
		}
		return mvc.perform(request.with(httpBasic(username, DemoAccounts.PASSWORD))).andReturn().getResponse();
	}

	String comment(String text) throws Exception {
		return json.writeValueAsString(Map.of("body", text));
	}

	JsonNode body(MockHttpServletResponse response) throws Exception {
		return json.readTree(response.getContentAsString());
	}

	long count(String partNumber) {
		return jdbc.sql("select count(*) from product_comment where part_number = ?")
			.param(partNumber)
			.query(Long.class)
			.single();
	}

	@Test
	void anEngineerPostsOnAProductAndEveryoneReadsIt() throws Exception {
		Product product = lifecycles.aProduct(false);
		String path = "/api/products/" + product.partNumber() + "/comments";

		MockHttpServletResponse created = call(post(path), "engineer",
				comment("Flatness looks marginal, @quality @nosuchperson please check"));
		assertThat(created.getStatus()).isEqualTo(201);
		JsonNode posted = body(created);
		long id = posted.path("id").asLong();
		assertThat(id).isPositive();
		assertThat(created.getHeader("Location")).isEqualTo(path + "/" + id);
		assertThat(posted.path("notified").toString()).isEqualTo("[\"quality\"]");
		assertThat(posted.path("unrecognised").toString()).isEqualTo("[\"nosuchperson\"]");
		assertThat(posted.path("authorName").asText()).isEqualTo("Erin Engineer");

		for (String reader : new String[] { "auditor", "quality", "owner" }) {
			MockHttpServletResponse list = call(get(path), reader, null);
			assertThat(list.getStatus()).as(reader).isEqualTo(200);
			assertThat(body(list)).singleElement()
				.satisfies(c -> assertThat(c.path("body").asText()).startsWith("Flatness looks marginal"));
		}
		MockHttpServletResponse one = call(get(created.getHeader("Location")), "auditor", null);
		assertThat(one.getStatus()).isEqualTo(200);
		assertThat(body(one).path("id").asLong()).isEqualTo(id);
		assertThat(mvc.perform(get(path)).andReturn().getResponse().getStatus()).isEqualTo(401);
	}

	@Test
	void anEmptyOrTooLongBodyIsA400NamingTheBody() throws Exception {
		Product product = lifecycles.aProduct(false);
		String path = "/api/products/" + product.partNumber() + "/comments";
		for (String bad : new String[] { comment("   "), comment("x".repeat(4001)), "{}" }) {
			MockHttpServletResponse refused = call(post(path), "engineer", bad);
			assertThat(refused.getStatus()).isEqualTo(400);
			assertThat(refused.getContentType()).startsWith("application/problem+json");
			assertThat(body(refused).path("errors").get(0).path("field").asText()).isEqualTo("body");
		}
		assertThat(body(call(post(path), "engineer", comment("x".repeat(4001)))).path("detail").asText())
			.contains("at most 4,000");
		assertThat(count(product.partNumber())).isZero();
	}

	@Test
	void unknownProductsAndTasksAre404() throws Exception {
		assertThat(call(get("/api/products/NO-SUCH-PART/comments"), "engineer", null).getStatus()).isEqualTo(404);
		assertThat(call(post("/api/products/NO-SUCH-PART/comments"), "engineer", comment("hello")).getStatus())
			.isEqualTo(404);
		assertThat(call(get("/api/tasks/no-such-task/comments"), "engineer", null).getStatus()).isEqualTo(404);
		MockHttpServletResponse unknownTask = call(post("/api/tasks/no-such-task/comments"), "engineer",
				comment("hello"));
		assertThat(unknownTask.getStatus()).isEqualTo(404);
		assertThat(unknownTask.getContentType()).startsWith("application/problem+json");
	}

	@Test
	void auditorsMayNotPost() throws Exception {
		Product product = lifecycles.aProduct(false);
		MockHttpServletResponse refused = call(post("/api/products/" + product.partNumber() + "/comments"), "auditor",
				comment("I only read"));
		assertThat(refused.getStatus()).isEqualTo(403);
		assertThat(refused.getContentType()).startsWith("application/problem+json");
		Task review = lifecycles.task(product, PROTOTYPE_REVIEW);
		assertThat(call(post("/api/tasks/" + review.getId() + "/comments"), "auditor", comment("no")).getStatus())
			.isEqualTo(403);
		assertThat(count(product.partNumber())).isZero();
	}

	@Test
	void aTaskHasItsOwnThreadAlsoAfterItIsDone() throws Exception {
		Product product = lifecycles.aProduct(false);
		Task review = lifecycles.task(product, PROTOTYPE_REVIEW);
		String path = "/api/tasks/" + review.getId() + "/comments";
		assertThat(call(post(path), "engineer", comment("Fit test passed")).getStatus()).isEqualTo(201);
		lifecycles.passGate1(product);
		MockHttpServletResponse after = call(post(path), "quality", comment("Agreed, @engineer"));
		assertThat(after.getStatus()).isEqualTo(201);
		assertThat(body(after).path("taskName").asText()).isEqualTo(review.getName());
		assertThat(after.getHeader("Location")).startsWith("/api/products/" + product.partNumber() + "/comments/");

		JsonNode thread = body(call(get(path), "auditor", null));
		assertThat(thread).hasSize(2);
		assertThat(thread.get(0).path("body").asText()).isEqualTo("Agreed, @engineer");
		assertThat(thread.get(0).path("taskId").asText()).isEqualTo(review.getId());
		assertThat(body(call(get("/api/products/" + product.partNumber() + "/comments"), "auditor", null))).hasSize(2);
	}

}
