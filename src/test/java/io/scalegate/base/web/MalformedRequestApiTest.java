package io.scalegate.base.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scalegate.ScaleGateTest;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Requests no endpoint is made for answer with a 4xx problem, never a 500 or the
 * application's page: an unknown {@code /api} path, a method a path does not serve, a
 * malformed percent-encoding, a multipart body that ends early. Sent over a plain socket,
 * as java.net.URI would refuse some of them.
 */
@ScaleGateTest
class MalformedRequestApiTest {

	static final String BASIC = "Basic "
			+ Base64.getEncoder().encodeToString("admin:demo".getBytes(StandardCharsets.UTF_8));

	@LocalServerPort
	int port;

	@Autowired
	ObjectMapper json;

	record Answer(int status, String head, String body) {
	}

	Answer send(String method, String target, String authorization, String contentType, String body) throws Exception {
		try (Socket socket = new Socket("localhost", port)) {
			socket.setSoTimeout(60_000);
			StringBuilder request = new StringBuilder(
					method + " " + target + " HTTP/1.0\r\nHost: localhost\r\nConnection: close\r\nAccept: */*\r\n");
			if (authorization != null) {
				request.append("Authorization: ").append(authorization).append("\r\n");
			}
			byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
			if (contentType != null) {
				request.append("Content-Type: ").append(contentType).append("\r\n");
			}
			request.append("Content-Length: ").append(bytes.length).append("\r\n\r\n");
			OutputStream out = socket.getOutputStream();
			out.write(request.toString().getBytes(StandardCharsets.UTF_8));
			out.write(bytes);
			out.flush();
			InputStream in = socket.getInputStream();
			String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			int end = answer.indexOf("\r\n\r\n");
			return new Answer(Integer.parseInt(answer.substring(9, 12)), answer.substring(0, end),
					answer.substring(end + 4));
		}
	}

	static String contentType(Answer answer) {
		return answer.head()
			.lines()
			.filter(line -> line.toLowerCase().startsWith("content-type:"))
			.findFirst()
			.orElse("")
			.substring("content-type:".length())
			.strip();
	}

	@ParameterizedTest
	@ValueSource(strings = { "GET", "POST", "PUT", "PATCH", "DELETE" })
	void anUnknownApiPathIsA404ProblemForEveryMethod(String method) throws Exception {
		for (String path : new String[] { "/api/nope", "/api/products/BRK-1001/nope", "/api/models", "/api/",
				"/api/products/BRK-1001/readiness/what-if/x" }) {
			Answer answer = send(method, path, BASIC, "application/json", method.equals("GET") ? null : "{}");

			assertThat(answer.status()).as(method + " " + path + ": " + answer.body()).isEqualTo(404);
			assertThat(contentType(answer)).startsWith("application/problem+json");
			JsonNode problem = json.readTree(answer.body());
			assertThat(problem.path("status").asInt()).isEqualTo(404);
			assertThat(problem.path("detail").asText()).contains(path);
		}
	}

	@Test
	void anUnknownApiPathWithoutCredentialsIsA401ProblemNotAPage() throws Exception {
		Answer answer = send("GET", "/api/nope", null, null, null);

		assertThat(answer.status()).isEqualTo(401);
		assertThat(contentType(answer)).startsWith("application/problem+json");
	}

	@Test
	void aMethodAKnownPathDoesNotServeIsA405NamingTheAllowedOnes() throws Exception {
		Answer answer = send("DELETE", "/api/products", BASIC, null, null);

		assertThat(answer.status()).isEqualTo(405);
		assertThat(contentType(answer)).startsWith("application/problem+json");
		assertThat(answer.head()).containsIgnoringCase("Allow: GET, POST");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/engine-rest/version?x=%zz", "/engine-rest/version?x=%", "/engine-rest/version?%zz=1",
			"/engine-rest/process-definition?key=%E2%80" })
	void aMalformedPercentEncodingOnTheEngineRestApiIsA400(String target) throws Exception {
		Answer answer = send("GET", target, BASIC, null, null);

		assertThat(answer.status()).as(answer.body()).isBetween(400, 499);
		assertThat(answer.status()).isEqualTo(400);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/products?q=%zz", "/api/audit?text=%", "/api/products?%zz=1" })
	void aMalformedPercentEncodingOnTheApiIsNeverA500(String target) throws Exception {
		Answer answer = send("GET", target, BASIC, null, null);

		assertThat(answer.status()).as(answer.body()).isBetween(200, 499);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/products?stage=%00|stage", "/api/products?stage=+|stage",
			"/api/products?stage=PROTOTYPE,%20|stage", "/api/audit?action=%00|action",
			"/api/audit/export?action=%09|action" })
	void aBlankValueInAListOfChoicesIsA400NamingTheParameter(String targetAndField) throws Exception {
		String[] parts = targetAndField.split("\\|");
		Answer answer = send("GET", parts[0], BASIC, null, null);

		assertThat(answer.status()).as(answer.body()).isEqualTo(400);
		assertThat(json.readTree(answer.body()).path("errors").get(0).path("field").asText()).isEqualTo(parts[1]);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/api/products?q=%00|q", "/api/products?customer=a%07b|customer",
			"/api/audit?text=%00|text", "/api/audit?actor=%1B%5B31m|actor", "/api/products?q=%zz|q" })
	void aControlCharacterOrBrokenEncodingInAQueryIsA400NamingTheParameter(String targetAndField) throws Exception {
		String[] parts = targetAndField.split("\\|");
		Answer answer = send("GET", parts[0], BASIC, null, null);

		assertThat(answer.status()).as(answer.body()).isEqualTo(400);
		assertThat(contentType(answer)).startsWith("application/problem+json");
		assertThat(json.readTree(answer.body()).path("errors").get(0).path("field").asText()).isEqualTo(parts[1]);
	}

	@ParameterizedTest
	@ValueSource(strings = { "*/*|/api/audit/checkpoint/verify", "application/*|/api/audit/checkpoint/verify",
			"*/*|/api/products", "application/*|/api/products/HTS-1210/readiness/what-if",
			"no type at all|/api/audit/checkpoint/verify" })
	void aContentTypeThatNamesNoOneTypeIsA415NamingTheHeader(String typeAndTarget) throws Exception {
		String[] parts = typeAndTarget.split("\\|");
		Answer answer = send("POST", parts[1], BASIC, parts[0], "{}");

		assertThat(answer.status()).as(answer.body()).isEqualTo(415);
		assertThat(contentType(answer)).startsWith("application/problem+json");
		assertThat(json.readTree(answer.body()).path("errors").get(0).path("field").asText()).isEqualTo("Content-Type");
	}

	@Test
	void aBodyOfAnotherMediaTypeThanTheEndpointTakesIsA415SayingWhichItTakes() throws Exception {
		Answer answer = send("POST", "/api/models/validate", BASIC, "application/json", "{}");

		assertThat(answer.status()).as(answer.body()).isEqualTo(415);
		assertThat(contentType(answer)).startsWith("application/problem+json");
		assertThat(json.readTree(answer.body()).path("detail").asText()).contains("multipart/form-data");
	}

	@Test
	void aMultipartBodyThatEndsEarlyIsA400() throws Exception {
		Answer answer = send("POST", "/api/models/validate", BASIC, "multipart/form-data; boundary=b",
				"--b\r\nContent-Disposition: form-data; name=\"files\"; filename=\"x.bpmn\"\r\n\r\n<x/>");

		assertThat(answer.status()).as(answer.body()).isEqualTo(400);
		assertThat(contentType(answer)).startsWith("application/problem+json");
	}

}
