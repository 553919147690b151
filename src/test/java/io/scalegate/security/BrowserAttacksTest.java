package io.scalegate.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.scalegate.ScaleGateTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * What another site's page can make a browser do: sign it in as someone else (login
 * CSRF), post with the Basic credentials it remembers, end the session through Camunda's
 * CSRF filter; and the headers that keep pages from being framed or leaking.
 */
@ScaleGateTest
class BrowserAttacksTest {

	@LocalServerPort
	int port;

	@Autowired
	WebApplicationContext context;

	@Autowired
	ApiTokens tokens;

	MockMvc mvc;

	final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@BeforeEach
	void setUp() {
		mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
	}

	@Test
	void aLoginWithoutTheFormsCsrfTokenIsRefused() throws Exception {
		MockHttpServletResponse crossSite = mvc
			.perform(post("/login").param("username", "engineer")
				.param("password", "demo")
				.header("Origin", "https://evil.example"))
			.andReturn()
			.getResponse();
		assertThat(crossSite.getStatus()).isEqualTo(403);
		assertThat(crossSite.getRedirectedUrl()).isNull();
		MockHttpServletResponse withToken = mvc
			.perform(post("/login").param("username", "engineer").param("password", "demo").with(csrf()))
			.andReturn()
			.getResponse();
		assertThat(withToken.getRedirectedUrl()).isEqualTo("/");
	}

	@Test
	void basicCredentialsAreRefusedOnAnotherSitesPostButNotToPrograms() throws Exception {
		MockMultipartFile file = new MockMultipartFile("files", "x.bpmn", "text/xml", "<x/>".getBytes());
		assertThat(status(basic(multipart("/api/models/validate").file(file)).header("Sec-Fetch-Site", "cross-site")))
			.isEqualTo(403);
		assertThat(status(basic(multipart("/api/models/validate").file(file)).header("Origin", "https://evil.example")))
			.isEqualTo(403);
		assertThat(status(
				basic(multipart("/engine-rest/deployment/create").file(file)).header("Sec-Fetch-Site", "same-site")))
			.isEqualTo(403);
		assertThat(status(basic(get("/api/products")).header("Sec-Fetch-Site", "cross-site")
			.header("Sec-Fetch-Mode", "navigate"))).isEqualTo(403);
		// curl and CI send neither header; ScaleGate's own pages (Swagger UI) are
		// same-origin
		assertThat(status(basic(multipart("/api/models/validate").file(file)))).isIn(200, 422);
		assertThat(status(basic(get("/api/products")).header("Origin", "http://localhost")
			.header("Sec-Fetch-Site", "same-origin"))).isEqualTo(200);
		// an API token is never added by a browser on its own
		String token = tokens.issue("csrf-" + UUID.randomUUID().toString().substring(0, 6), Role.AUDITOR, "admin")
			.secret();
		assertThat(status(get("/api/products").header("Authorization", "Bearer " + token)
			.header("Origin", "https://evil.example"))).isEqualTo(200);
	}

	@Test
	void aCrossSitePostToCamundasApiIsRefusedAndTheSessionLives() throws Exception {
		String session = login("admin");
		HttpResponse<String> cockpit = withSession("GET", "/camunda/app/cockpit/default/", session, null);
		assertThat(cockpit.statusCode()).isEqualTo(200);
		HttpResponse<String> forged = http
			.send(request("/camunda/api/engine/engine/default/task").header("Cookie", session)
				.header("Content-Type", "application/json")
				.header("Origin", "https://evil.example")
				.POST(BodyPublishers.ofString("{}"))
				.build(), BodyHandlers.ofString());
		assertThat(forged.statusCode()).isEqualTo(403);
		HttpResponse<String> whoAmI = withSession("GET", "/camunda/api/admin/auth/user/default", session, null);
		assertThat(whoAmI.statusCode()).isEqualTo(200);
		assertThat(whoAmI.body()).contains("\"userId\":\"admin\"");
		assertThat(withSession("GET", "/camunda/app/cockpit/default/", session, null).statusCode()).isEqualTo(200);
	}

	@Test
	void pagesAndTheApiSendAPolicyAndTheSessionCookieIsSameSiteLax() throws Exception {
		HttpResponse<String> page = http.send(request("/login").GET().build(), BodyHandlers.ofString());
		assertThat(page.headers().firstValue("Content-Security-Policy")).hasValue(SecurityHeaders.UI_POLICY);
		assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
		assertThat(page.headers().firstValue("Set-Cookie").orElseThrow()).contains("SameSite=Lax").contains("HttpOnly");
		HttpResponse<String> api = http.send(request("/api/products").header("Authorization", basicHeader()).build(),
				BodyHandlers.ofString());
		assertThat(api.headers().firstValue("Content-Security-Policy")).hasValue(SecurityHeaders.API_POLICY);
		assertThat(api.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
	}

	int status(MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request).andReturn().getResponse().getStatus();
	}

	static MockHttpServletRequestBuilder basic(MockHttpServletRequestBuilder request) {
		return request.header("Authorization", basicHeader());
	}

	static String basicHeader() {
		return "Basic " + Base64.getEncoder().encodeToString("owner:demo".getBytes(StandardCharsets.UTF_8));
	}

	HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
	}

	String login(String user) throws Exception {
		HttpResponse<String> page = http.send(request("/login").GET().build(), BodyHandlers.ofString());
		String cookie = page.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
		String csrf = page.body().replaceAll("(?s).*<meta name=\"_csrf\" content=\"([^\"]+)\".*", "$1");
		HttpResponse<String> response = http.send(request("/login").header("Cookie", cookie)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(BodyPublishers.ofString("username=" + user + "&password=demo&_csrf=" + csrf))
			.build(), BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location").orElse("")).doesNotContain("error");
		return response.headers().firstValue("Set-Cookie").map(c -> c.split(";")[0]).orElse(cookie);
	}

	HttpResponse<String> withSession(String method, String path, String cookie, String json) throws Exception {
		HttpRequest.Builder request = request(path).header("Cookie", cookie)
			.method(method, json == null ? BodyPublishers.noBody() : BodyPublishers.ofString(json));
		return http.send(request.build(), BodyHandlers.ofString());
	}

}
