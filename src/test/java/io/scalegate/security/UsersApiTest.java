package io.scalegate.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scalegate.ScaleGateTest;
import io.scalegate.audit.AuditTrail;
import io.scalegate.security.dev.DemoAccounts;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * The users API (docs/adr/0014): administrators only, problem+json naming each wrong
 * field, 409 for a taken user id, a one-time password in the one answer that issues it.
 * Runs on H2 and, in Failsafe's second run, on PostgreSQL.
 */
@ScaleGateTest
class UsersApiTest {

	@Autowired
	WebApplicationContext context;

	@Autowired
	AuditTrail auditTrail;

	@Autowired
	ObjectMapper json;

	@Autowired
	PasswordEncoder passwords;

	@Autowired
	JdbcClient jdbc;

	MockMvc mvc;

	@BeforeEach
	void setUp() {
		mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
	}

	MockHttpServletResponse call(MockHttpServletRequestBuilder request, String username, Object body) throws Exception {
		if (body != null) {
			request.contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body));
		}
		return mvc.perform(request.with(httpBasic(username, DemoAccounts.PASSWORD))).andReturn().getResponse();
	}

	JsonNode body(MockHttpServletResponse response) throws Exception {
		return json.readTree(response.getContentAsString());
	}

	static String unique() {
		return "api-" + UUID.randomUUID().toString().substring(0, 8);
	}

	static java.util.Map<String, Object> newUser(String username) {
		return java.util.Map.of("username", username, "fullName", "Api Person", "email", username + "@example.com",
				"roles", List.of("ENGINEER"), "reason", "joins engineering");
	}

	@Test
	void onlyAdministratorsMayUseIt() throws Exception {
		for (String person : List.of("engineer", "gatekeeper", "auditor", "owner")) {
			MockHttpServletResponse list = call(get("/api/admin/users"), person, null);
			assertThat(list.getStatus()).as(person).isEqualTo(403);
			assertThat(list.getContentType()).startsWith("application/problem+json");
			String username = unique();
			assertThat(call(post("/api/admin/users"), person, newUser(username)).getStatus()).isEqualTo(403);
			assertThat(jdbc.sql("select count(*) from app_user where username = ?")
				.param(username)
				.query(Long.class)
				.single()).isZero();
		}
		assertThat(mvc.perform(get("/api/admin/users")).andReturn().getResponse().getStatus()).isEqualTo(401);
	}

	@Autowired
	ApiTokens tokens;

	@Autowired
	UserAdministration users;

	@Test
	void anAdminApiTokenManagesNoAccountsNotEvenToReEnableItsIssuer() throws Exception {
		String issuer = unique();
		users.create(issuer, "Token Issuer", issuer + "@example.com", Set.of(Role.ADMIN), "second admin", "admin");
		String secret = tokens.issue(unique(), Role.ADMIN, issuer).secret();
		users.disable(issuer, "left", "admin");
		for (MockHttpServletRequestBuilder request : List.of(get("/api/admin/users"),
				post("/api/admin/users/" + issuer + "/enable").contentType(MediaType.APPLICATION_JSON)
					.content("{\"reason\":\"let me back in\"}"),
				post("/api/admin/users/admin/password-reset").contentType(MediaType.APPLICATION_JSON)
					.content("{\"reason\":\"take over\"}"))) {
			MockHttpServletResponse refused = mvc.perform(request.header("Authorization", "Bearer " + secret))
				.andReturn()
				.getResponse();
			assertThat(refused.getStatus()).isEqualTo(403);
			assertThat(body(refused).path("detail").asText()).contains("not with an API token");
		}
		assertThat(users.row(issuer).orElseThrow().enabled()).isFalse();
		// the token still does what tokens are for
		assertThat(mvc.perform(get("/api/products").header("Authorization", "Bearer " + secret))
			.andReturn()
			.getResponse()
			.getStatus()).isEqualTo(200);
	}

	@Test
	void basicSignInSaysNothingAboutWhetherAnAccountExistsOrIsDisabled() throws Exception {
		String disabled = unique();
		users.create(disabled, "Gone Person", disabled + "@example.com", Set.of(Role.AUDITOR), "joins", "admin");
		users.disable(disabled, "left", "admin");
		for (String username : List.of(disabled, unique(), "auditor")) {
			MockHttpServletResponse refused = mvc
				.perform(get("/api/products").with(httpBasic(username, "not the password")).with(request -> {
					request.setRemoteAddr("198.51.100.77");
					return request;
				}))
				.andReturn()
				.getResponse();
			assertThat(refused.getStatus()).as(username).isEqualTo(401);
			assertThat(body(refused).path("detail").asText()).as(username).isEqualTo("wrong user id or password");
		}
	}

	@Test
	void anAdministratorCreatesAUserAndGetsTheOneTimePasswordOnce() throws Exception {
		String username = unique();
		MockHttpServletResponse created = call(post("/api/admin/users"), "admin", newUser(username));

		assertThat(created.getStatus()).isEqualTo(201);
		assertThat(created.getHeader("Location")).isEqualTo("/api/admin/users/" + username);
		String password = body(created).get("oneTimePassword").asText();
		assertThat(password).hasSize(16);
		assertThat(body(created).get("expiresAt").asText()).isNotBlank();
		String hash = jdbc.sql("select password_hash from app_user where username = ?")
			.param(username)
			.query(String.class)
			.single();
		assertThat(passwords.matches(password, hash)).isTrue();

		MockHttpServletResponse one = call(get("/api/admin/users/" + username), "admin", null);
		assertThat(one.getStatus()).isEqualTo(200);
		assertThat(one.getContentAsString()).doesNotContain(password).doesNotContain("password_hash");
		assertThat(body(one).get("mustChangePassword").asBoolean()).isTrue();
		assertThat(body(one).get("email").asText()).isEqualTo(username + "@example.com");
		assertThat(call(get("/api/admin/users"), "admin", null).getContentAsString()).contains(username)
			.doesNotContain(password);
		// nor is it replayed: the trail and the idempotency store never saw it
		auditTrail.sealCommitted();
		assertThat(jdbc.sql("select count(*) from audit_entry where details like ?")
			.param("%" + password + "%")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void badInputIsA400NamingEachField() throws Exception {
		MockHttpServletResponse bad = call(post("/api/admin/users"), "admin", java.util.Map.of("username", "Has Spaces",
				"fullName", "", "email", "nope", "roles", List.of(), "reason", " "));
		assertThat(bad.getStatus()).isEqualTo(400);
		assertThat(bad.getContentType()).startsWith("application/problem+json");
		List<String> fields = body(bad).get("errors").findValuesAsText("field");
		assertThat(fields).containsExactly("username", "fullName", "email", "roles", "reason");

		MockHttpServletResponse role = call(post("/api/admin/users"), "admin", java.util.Map.of("username", unique(),
				"fullName", "X", "email", "x@example.com", "roles", List.of("EMPEROR"), "reason", "r"));
		assertThat(role.getStatus()).isEqualTo(400);
		assertThat(body(role).get("errors").findValuesAsText("field").get(0)).startsWith("roles");

		MockHttpServletResponse noBody = mvc
			.perform(post("/api/admin/users").contentType(MediaType.APPLICATION_JSON)
				.content("")
				.with(httpBasic("admin", "demo")))
			.andReturn()
			.getResponse();
		assertThat(noBody.getStatus()).isEqualTo(400);

		MockHttpServletResponse noReason = call(post("/api/admin/users/engineer/disable"), "admin", java.util.Map.of());
		assertThat(noReason.getStatus()).isEqualTo(400);
		assertThat(body(noReason).get("errors").findValuesAsText("field")).containsExactly("reason");
		assertThat(call(get("/api/admin/users/engineer"), "admin", null).getContentAsString())
			.contains("\"enabled\":true");
	}

	@Test
	void aTakenUserIdIsA409NamingTheField() throws Exception {
		String username = unique();
		assertThat(call(post("/api/admin/users"), "admin", newUser(username)).getStatus()).isEqualTo(201);
		MockHttpServletResponse again = call(post("/api/admin/users"), "admin", newUser(username));
		assertThat(again.getStatus()).isEqualTo(409);
		assertThat(again.getContentType()).startsWith("application/problem+json");
		assertThat(again.getContentAsString()).contains("username").contains("is taken");
	}

	@Test
	void anUnknownUserIsA404() throws Exception {
		MockHttpServletResponse unknown = call(get("/api/admin/users/" + unique()), "admin", null);
		assertThat(unknown.getStatus()).isEqualTo(404);
		assertThat(body(unknown).path("title").asText()).isEqualTo("Unknown user");
		assertThat(call(post("/api/admin/users/" + unique() + "/disable"), "admin", java.util.Map.of("reason", "r"))
			.getStatus()).isEqualTo(404);
	}

	@Test
	void editDisableEnableResetAndUnlockOverTheApi() throws Exception {
		String username = unique();
		call(post("/api/admin/users"), "admin", newUser(username));

		MockHttpServletResponse edited = call(put("/api/admin/users/" + username), "admin", java.util.Map.of("fullName",
				"Api Renamed", "email", "renamed@example.com", "roles", List.of("QUALITY"), "reason", "moved"));
		assertThat(edited.getStatus()).isEqualTo(200);
		assertThat(body(edited).get("fullName").asText()).isEqualTo("Api Renamed");
		assertThat(edited.getContentAsString()).contains("QUALITY").doesNotContain("ENGINEER");

		MockHttpServletResponse disabled = call(post("/api/admin/users/" + username + "/disable"), "admin",
				java.util.Map.of("reason", "leaves"));
		assertThat(body(disabled).get("enabled").asBoolean()).isFalse();
		MockHttpServletResponse enabled = call(post("/api/admin/users/" + username + "/enable"), "admin",
				java.util.Map.of("reason", "returns"));
		assertThat(body(enabled).get("enabled").asBoolean()).isTrue();

		MockHttpServletResponse reset = call(post("/api/admin/users/" + username + "/password-reset"), "admin",
				java.util.Map.of("reason", "forgot"));
		assertThat(reset.getStatus()).isEqualTo(200);
		assertThat(body(reset).get("oneTimePassword").asText()).hasSize(16);

		MockHttpServletResponse nothing = call(post("/api/admin/users/" + username + "/signing-unlock"), "admin",
				java.util.Map.of("reason", "just in case"));
		assertThat(nothing.getStatus()).isEqualTo(400);
		assertThat(nothing.getContentAsString()).contains("signing is not locked");
		jdbc.sql("update app_user set failed_signatures = 2 where username = ?").param(username).update();
		assertThat(call(post("/api/admin/users/" + username + "/signing-unlock"), "admin",
				java.util.Map.of("reason", "help desk"))
			.getStatus()).isEqualTo(200);
		assertThat(call(post("/api/admin/users/" + username + "/sign-in-unlock"), "admin",
				java.util.Map.of("reason", "help desk"))
			.getStatus()).isEqualTo(400);
	}

	@Test
	void anAdministratorCannotDisableThemselvesOverTheApi() throws Exception {
		MockHttpServletResponse self = call(post("/api/admin/users/admin/disable"), "admin",
				java.util.Map.of("reason", "oops"));
		assertThat(self.getStatus()).isEqualTo(400);
		assertThat(self.getContentAsString()).contains("your own account");
		MockHttpServletResponse demote = call(put("/api/admin/users/admin"), "admin", java.util.Map.of("fullName",
				"Alex Admin", "email", "alex@example.com", "roles", List.of("AUDITOR"), "reason", "oops"));
		assertThat(demote.getStatus()).isEqualTo(400);
		assertThat(body(demote).get("errors").findValuesAsText("field")).containsExactly("roles");
	}

}
