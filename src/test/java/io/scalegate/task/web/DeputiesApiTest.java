package io.scalegate.task.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scalegate.ScaleGateTest;
import io.scalegate.security.Role;
import io.scalegate.security.UserAccounts;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@code /api/deputies}: who may name and end, field errors as problem details. */
@ScaleGateTest
class DeputiesApiTest {

	@LocalServerPort
	int port;

	@Autowired
	ObjectMapper json;

	@Autowired
	UserAccounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	final HttpClient http = HttpClient.newHttpClient();

	String aUser(Role... roles) {
		String username = "da-" + UUID.randomUUID().toString().substring(0, 8);
		accounts.save(username, "Person " + username, "demo", EnumSet.of(roles[0], roles));
		return username;
	}

	LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
	}

	HttpRequest.Builder request(String user, String path) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
		if (user != null) {
			builder.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
		}
		return builder;
	}

	HttpResponse<String> post(String user, String path, String body) throws Exception {
		return http.send(request(user, path).header("Content-Type", "application/json")
			.POST(BodyPublishers.ofString(body))
			.build(), BodyHandlers.ofString());
	}

	HttpResponse<String> get(String user, String path) throws Exception {
		return http.send(request(user, path).GET().build(), BodyHandlers.ofString());
	}

	String body(String absent, String deputy, Object first, Object last, String reason) {
		return """
				{"absent": %s, "deputy": %s, "firstDay": %s, "lastDay": %s, "reason": %s}""".formatted(quoted(absent),
				quoted(deputy), quoted(first), quoted(last), quoted(reason));
	}

	static String quoted(Object value) {
		return value == null ? "null" : "\"" + value + "\"";
	}

	List<String> fields(HttpResponse<String> problem) throws Exception {
		List<String> fields = new ArrayList<>();
		json.readTree(problem.body()).path("errors").forEach(error -> fields.add(error.path("field").asText()));
		return fields;
	}

	long deputyshipsOf(String absent) {
		return jdbc.sql("select count(*) from deputyship where absent = ?").param(absent).query(Long.class).single();
	}

	@Test
	void aPersonNamesTheirDeputySeesItAndEndsIt() throws Exception {
		String absent = aUser(Role.QUALITY);
		String deputy = aUser(Role.QUALITY);
		String stranger = aUser(Role.QUALITY);

		HttpResponse<String> named = post(absent, "/api/deputies",
				body(null, deputy, today(), today().plusDays(2), "holiday"));

		assertThat(named.statusCode()).as(named.body()).isEqualTo(201);
		JsonNode created = json.readTree(named.body());
		long id = created.path("id").asLong();
		assertThat(named.headers().firstValue("Location")).hasValue("/api/deputies/" + id);
		assertThat(created.path("absent").asText()).isEqualTo(absent);
		assertThat(created.path("deputy").asText()).isEqualTo(deputy);
		assertThat(created.path("namedBy").asText()).isEqualTo(absent);
		assertThat(created.path("state").asText()).isEqualTo("active");

		assertThat(json.readTree(get(deputy, "/api/deputies").body()).findValuesAsText("id"))
			.contains(String.valueOf(id));
		assertThat(get(deputy, "/api/deputies/" + id).statusCode()).isEqualTo(200);
		assertThat(get(stranger, "/api/deputies/" + id).statusCode()).isEqualTo(404);
		assertThat(json.readTree(get(stranger, "/api/deputies").body())).isEmpty();

		assertThat(post(stranger, "/api/deputies/" + id + "/end", "").statusCode()).isEqualTo(403);
		assertThat(post(deputy, "/api/deputies/" + id + "/end", "").statusCode()).isEqualTo(403);
		HttpResponse<String> ended = post(absent, "/api/deputies/" + id + "/end", "");
		assertThat(ended.statusCode()).as(ended.body()).isEqualTo(200);
		assertThat(json.readTree(ended.body()).path("state").asText()).isEqualTo("ended early");
		assertThat(json.readTree(ended.body()).path("endedBy").asText()).isEqualTo(absent);
		HttpResponse<String> again = post(absent, "/api/deputies/" + id + "/end", "");
		assertThat(again.statusCode()).isEqualTo(409);
		assertThat(again.headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
	}

	@Test
	void onlyAnAdministratorNamesADeputyForSomeoneElse() throws Exception {
		String absent = aUser(Role.ENGINEER);
		String colleague = aUser(Role.ENGINEER);
		String deputy = aUser(Role.ENGINEER);
		String request = body(absent, deputy, today(), today().plusDays(1), "sick leave");

		HttpResponse<String> refused = post(colleague, "/api/deputies", request);
		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
		assertThat(deputyshipsOf(absent)).isZero();

		HttpResponse<String> named = post("admin", "/api/deputies", request);
		assertThat(named.statusCode()).as(named.body()).isEqualTo(201);
		assertThat(json.readTree(named.body()).path("namedBy").asText()).isEqualTo("admin");
		assertThat(json.readTree(get("admin", "/api/deputies?absent=" + absent).body())).hasSize(1);
	}

	@Test
	void everyWrongFieldIsNamedAndNothingIsKept() throws Exception {
		String absent = aUser(Role.ENGINEER);
		String auditor = aUser(Role.AUDITOR);

		HttpResponse<String> empty = post(absent, "/api/deputies", "{}");
		assertThat(empty.statusCode()).as(empty.body()).isEqualTo(400);
		assertThat(empty.headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(fields(empty)).containsExactly("deputy", "firstDay", "lastDay", "reason");

		assertThat(fields(post(absent, "/api/deputies", body(null, "nobody-" + absent, today(), today(), "x"))))
			.containsExactly("deputy");
		assertThat(fields(post(absent, "/api/deputies", body(null, absent, today(), today(), "x"))))
			.containsExactly("deputy");
		HttpResponse<String> noSharedRole = post(absent, "/api/deputies", body(null, auditor, today(), today(), "x"));
		assertThat(json.readTree(noSharedRole.body()).path("errors").get(0).path("message").asText())
			.contains("holds none of")
			.contains("ENGINEER");
		assertThat(fields(
				post(absent, "/api/deputies", body(null, "engineer", today().plusDays(2), today().plusDays(1), "x"))))
			.containsExactly("lastDay");
		assertThat(fields(post(absent, "/api/deputies", body(null, "engineer", today(), today().plusDays(90), "x"))))
			.containsExactly("lastDay");
		assertThat(fields(post(absent, "/api/deputies", body(null, "engineer", today(), today(), "x".repeat(501)))))
			.containsExactly("reason");

		// far ahead, up to the end of LocalDate: a field error, never a 500
		assertThat(fields(post(absent, "/api/deputies",
				body(null, "engineer", today().plusDays(400), today().plusDays(401), "x"))))
			.containsExactly("firstDay");
		assertThat(fields(
				post(absent, "/api/deputies", body(null, "engineer", "+999999999-12-31", "+999999999-12-31", "x"))))
			.containsExactly("firstDay");
		assertThat(fields(post(absent, "/api/deputies", body(null, "engineer", today(), today(), "a\u202eb"))))
			.containsExactly("reason");

		HttpResponse<String> unreadable = post(absent, "/api/deputies",
				body(null, "engineer", today(), "2026-13-45", "x"));
		assertThat(unreadable.statusCode()).as(unreadable.body()).isEqualTo(400);
		assertThat(fields(unreadable)).containsExactly("lastDay");
		assertThat(deputyshipsOf(absent)).isZero();
	}

	@Test
	void theSameDeputyForOverlappingDaysIsAConflict() throws Exception {
		String absent = aUser(Role.ENGINEER);
		String deputy = aUser(Role.ENGINEER);
		assertThat(
				post(absent, "/api/deputies", body(null, deputy, today(), today().plusDays(3), "holiday")).statusCode())
			.isEqualTo(201);

		HttpResponse<String> twice = post(absent, "/api/deputies",
				body(null, deputy, today().plusDays(3), today().plusDays(4), "holiday"));

		assertThat(twice.statusCode()).as(twice.body()).isEqualTo(409);
		assertThat(fields(twice)).containsExactly("deputy");
		assertThat(deputyshipsOf(absent)).isOne();
	}

	@Test
	void strangersAreNotLetInAndTheApiIsDocumented() throws Exception {
		assertThat(get(null, "/api/deputies").statusCode()).isEqualTo(401);
		assertThat(post(null, "/api/deputies", "{}").statusCode()).isEqualTo(401);
		assertThat(get("admin", "/api/deputies/999999999").statusCode()).isEqualTo(404);
		HttpResponse<String> docs = get("admin", "/v3/api-docs");
		assertThat(docs.statusCode()).isEqualTo(200);
		assertThat(json.readTree(docs.body()).path("paths").fieldNames()).toIterable()
			.contains("/api/deputies", "/api/deputies/{id}", "/api/deputies/{id}/end");
	}

}
