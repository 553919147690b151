package io.scalegate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scalegate.gate.ProcessVariable;
import io.scalegate.gate.ProductLifecycle;
import io.scalegate.product.PartNumber;
import io.scalegate.product.ProductRegistration;
import io.scalegate.product.ProductService;
import io.scalegate.security.ApiTokens;
import io.scalegate.security.Role;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Fuzzes every operation springdoc documents at {@code /v3/api-docs} over a real socket
 * (so Tomcat's own parsing is fuzzed too): mostly plausible bodies with one to three
 * fields replaced by boundary values (empty, huge, negative, {@code 1e400}, NaN-like
 * strings, control and bidi characters, wrong types, missing fields), whole bodies of the
 * wrong shape, odd path parameters and query values, sent with API tokens of every role.
 * No answer may be a 5xx. Seed and count: {@code -Dscalegate.fuzz.seed=…
 * -Dscalegate.fuzz.requests=…}; see {@code docs/fuzzing.md}.
 */
@ScaleGateTest
class OpenApiFuzzTest {

	static final long SEED = Long.getLong("scalegate.fuzz.seed", 20261201L);

	static final int REQUESTS = Integer.getInteger("scalegate.fuzz.requests", 10_000);

	static final String BOUNDARY = "scalegate-fuzz-boundary";

	@LocalServerPort
	int port;

	@Autowired
	ApiTokens tokens;

	@Autowired
	ProductService products;

	@Autowired
	ObjectMapper json;

	final Map<Role, String> secrets = new EnumMap<>(Role.class);

	final List<String> knownPartNumbers = new ArrayList<>();

	Random random;

	/** Plausible values only, no mutation: to learn which roles may use an operation. */
	boolean calm;

	int fresh;

	JsonNode docs;

	@Test
	void noRequestToTheDocumentedApiAnswersWithA5xx() throws Exception {
		random = new Random(SEED);
		String run = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
		for (Role role : Role.values()) {
			secrets.put(role, tokens.issue("fuzz-" + run + "-" + role, role, "admin").secret());
		}
		for (int i = 0; i < 3; i++) {
			String partNumber = "ZZ-FUZZ-" + run + "-P" + i;
			products.register(
					new ProductRegistration(partNumber, "Fuzzed part", "Fuzz customer", "A", "engineer", false, false),
					"engineer");
			knownPartNumbers.add(partNumber);
		}
		products.find("BRK-1001").ifPresent(product -> knownPartNumbers.add(product.partNumber()));
		Response apiDocs = send("GET", "/v3/api-docs", Role.ADMIN, null, null);
		assertThat(apiDocs.status()).isEqualTo(200);
		docs = json.readTree(apiDocs.body());
		List<Operation> operations = operations();
		assertThat(operations).hasSizeGreaterThan(20);

		Map<Integer, Integer> statuses = new TreeMap<>();
		Map<String, Integer> perOperation = new TreeMap<>();
		Map<String, Long> millis = new TreeMap<>();
		List<String> failures = new ArrayList<>();
		List<String> closed = new ArrayList<>();
		Instant start = Instant.now();
		for (int i = 0; i < REQUESTS; i++) {
			Operation operation = operations.get(random.nextInt(operations.size()));
			Role role = operation.roles.isEmpty() || random.nextInt(10) == 0
					? Role.values()[random.nextInt(Role.values().length)]
					: operation.roles.get(random.nextInt(operation.roles.size()));
			Request request = request(operation);
			long sent = System.nanoTime();
			Response response = send(operation.method, request.target, role, request.contentType, request.body);
			statuses.merge(response.status(), 1, Integer::sum);
			perOperation.merge(operation.method + " " + operation.path, 1, Integer::sum);
			millis.merge(operation.method + " " + operation.path, (System.nanoTime() - sent) / 1_000_000, Long::sum);
			if (response.status() == 0) {
				closed.add("#" + i + " " + operation.method + " " + shorten(request.target));
			}
			if (response.status() >= 500) {
				failures.add("#" + i + " " + role + " " + operation.method + " " + shorten(request.target) + " "
						+ shorten(request.body == null ? "" : new String(request.body, StandardCharsets.UTF_8)) + " -> "
						+ response.status() + " " + shorten(response.body()));
			}
		}
		Duration took = Duration.between(start, Instant.now());
		String report = "seed " + SEED + ", " + REQUESTS + " requests over " + operations.size() + " operations in "
				+ took.toSeconds() + " s; statuses " + statuses + "; 5xx: " + failures.size() + "\n"
				+ String.join("\n", failures.subList(0, Math.min(failures.size(), 50)))
				+ (closed.isEmpty() ? "" : "\nclosed without an answer (status 0): " + closed);
		System.out.println("API fuzz: " + report);
		Files.writeString(Path.of("target", "api-fuzz-report.txt"),
				report + "\nrequests per operation: " + perOperation + "\nmilliseconds per operation: " + millis);
		assertThat(failures).as(report).isEmpty();
	}

	/** Each documented operation, with the roles that may use it (none known: all). */
	List<Operation> operations() throws Exception {
		List<Operation> operations = new ArrayList<>();
		for (Iterator<Map.Entry<String, JsonNode>> paths = docs.path("paths").fields(); paths.hasNext();) {
			Map.Entry<String, JsonNode> path = paths.next();
			for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields(); methods.hasNext();) {
				Map.Entry<String, JsonNode> method = methods.next();
				Operation operation = new Operation(method.getKey().toUpperCase(), path.getKey(), method.getValue());
				calm = true;
				Request plausible = request(operation);
				calm = false;
				for (Role role : Role.values()) {
					Response probe = send(operation.method, plausible.target, role, plausible.contentType,
							plausible.body);
					if (probe.status() != 403 && probe.status() != 401) {
						operation.roles.add(role);
					}
				}
				operations.add(operation);
			}
		}
		return operations;
	}

	Request request(Operation operation) throws IOException {
		String target = operation.path;
		StringBuilder query = new StringBuilder();
		for (JsonNode parameter : operation.spec.path("parameters")) {
			String name = parameter.path("name").asText();
			JsonNode schema = resolve(parameter.path("schema"));
			if (parameter.path("in").asText().equals("path")) {
				target = target.replace("{" + name + "}", pathValue(name));
			}
			else if (parameter.path("in").asText().equals("query") && !calm && random.nextInt(3) > 0) {
				String value = random.nextInt(3) == 0 ? raw(boundaryText()) : plainText(name, schema);
				String encoded = random.nextInt(8) == 0 ? oddEncoding()
						: URLEncoder.encode(value, StandardCharsets.UTF_8);
				query.append(query.isEmpty() ? "?" : "&").append(name).append('=').append(encoded);
			}
		}
		if (!calm && random.nextInt(40) == 0) {
			query.append(query.isEmpty() ? "?" : "&").append(oddEncoding()).append('=').append(oddEncoding());
		}
		target += query;
		JsonNode content = operation.spec.path("requestBody").path("content");
		if (content.has("multipart/form-data")) {
			return multipart(target);
		}
		if (content.has("application/json")) {
			JsonNode schema = resolve(content.path("application/json").path("schema"));
			String body = switch (calm ? 19 : random.nextInt(20)) {
				case 0 -> wrongShape();
				case 1 -> "";
				default -> object(schema, operation.path.endsWith("/what-if"));
			};
			return new Request(target, !calm && random.nextInt(30) == 0 ? "text/plain" : "application/json",
					body.getBytes(StandardCharsets.UTF_8));
		}
		return new Request(target, null, null);
	}

	String pathValue(String name) {
		int pick = calm ? 0 : random.nextInt(10);
		if (pick < 6 && !knownPartNumbers.isEmpty()) {
			return knownPartNumbers.get(random.nextInt(knownPartNumbers.size()));
		}
		if (pick < 8) {
			return URLEncoder.encode(raw(boundaryText()), StandardCharsets.UTF_8).replace("+", "%20");
		}
		return oddEncoding();
	}

	/**
	 * Percent-encodings a client may get wrong, and characters servers treat specially.
	 */
	String oddEncoding() {
		String[] odd = { "%zz", "%", "%2", "%C0%AE", "%2e%2e", "..", ".", "a%2Fb", "a%5Cb", "%00", "%0d%0aX:1", "%FF",
				"%E2%80%AE", "%ED%A0%80", ";jsessionid=1", "x;y", "%25", "%u0041", "~", "a%20b", "*", "A".repeat(3000),
				"%F0%9F%92%A5", "%C3%28" };
		return odd[random.nextInt(odd.length)];
	}

	/** A JSON object for the schema: plausible values, one to three of them replaced. */
	String object(JsonNode schema, boolean gateInputs) throws IOException {
		Map<String, String> fields = new LinkedHashMap<>();
		if (gateInputs) {
			for (ProcessVariable<?> input : ProductLifecycle.GATE_INPUTS) {
				if (random.nextInt(4) == 0) {
					fields.put(input.name(), input.type() == Boolean.class ? "true" : input.type() == String.class
							? quote(ProductLifecycle.CUSTOMER_FEEDBACK_VALUES.get(0)) : "0.5");
				}
			}
		}
		for (Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").fields(); properties
			.hasNext();) {
			Map.Entry<String, JsonNode> property = properties.next();
			fields.put(property.getKey(), plausible(property.getKey(), resolve(property.getValue())));
		}
		List<String> names = new ArrayList<>(fields.keySet());
		if (names.isEmpty()) {
			names.add("unexpected");
			fields.put("unexpected", "1");
		}
		int mutations = calm ? 0 : 1 + random.nextInt(3);
		for (int i = 0; i < mutations && random.nextInt(8) > 0; i++) {
			String name = names.get(random.nextInt(names.size()));
			if (random.nextInt(6) == 0) {
				fields.remove(name);
			}
			else {
				String value = boundaryValue();
				if (name.equals("partNumber") && value.startsWith("\"")
						&& PartNumber.isValid(json.readValue(value, String.class).strip())) {
					value = quote(freshPartNumber());
				}
				fields.put(name, value);
			}
		}
		StringBuilder body = new StringBuilder("{");
		fields.forEach((name,
				value) -> body.append(body.length() > 1 ? "," : "").append(quote(name)).append(':').append(value));
		return body.append('}').toString();
	}

	/** A value of the field's type that passes the checks in most cases, as raw JSON. */
	String plausible(String name, JsonNode schema) throws IOException {
		if (schema.has("enum")) {
			return quote(schema.path("enum").get(random.nextInt(schema.path("enum").size())).asText());
		}
		return switch (schema.path("type").asText()) {
			case "integer" -> String.valueOf(2 + random.nextInt(500));
			case "number" -> random.nextInt(3) + "." + random.nextInt(100);
			case "boolean" -> String.valueOf(random.nextBoolean());
			case "array" -> "[" + plausible(name, resolve(schema.path("items"))) + "]";
			case "object" -> "{}";
			default -> quote(plainText(name, schema));
		};
	}

	String plainText(String name, JsonNode schema) {
		if (schema.has("enum")) {
			return schema.path("enum").get(random.nextInt(schema.path("enum").size())).asText();
		}
		if (schema.path("type").asText().equals("array")) {
			return plainText(name, resolve(schema.path("items")));
		}
		if (schema.path("type").asText().equals("integer")) {
			return String.valueOf(random.nextInt(50));
		}
		if (schema.path("type").asText().equals("boolean")) {
			return String.valueOf(random.nextBoolean());
		}
		return switch (schema.path("format").asText()) {
			case "date" -> LocalDate.now().minusDays(1 + random.nextInt(300)).toString();
			case "date-time" -> Instant.now().minusSeconds(random.nextInt(100_000)).toString();
			default -> switch (name) {
				case "partNumber" -> freshPartNumber();
				case "currency" -> "EUR";
				default -> "fuzz " + random.nextInt(1000);
			};
		};
	}

	String freshPartNumber() {
		return "ZZ-FUZZ-" + SEED + "-" + (++fresh);
	}

	/** Boundary values of every JSON type, as raw JSON. */
	String boundaryValue() throws IOException {
		String[] numbers = { "0", "-0", "-1", "1", "2", "-0.0", "1e400", "-1e400", "1e-400", "1e-7", "12345678901",
				"9999999999.9999", "10000000000", "99999999999999.99", "999999999999.999999", "0.000001", "0.0000001",
				"2147483647", "2147483648", "-2147483649", "9223372036854775808", "1E+2147483647", "1e-2147483648",
				"123.4567891", "3.14159", "1" + "0".repeat(990), "0." + "0".repeat(990) + "1" };
		return switch (random.nextInt(6)) {
			case 0, 1 -> numbers[random.nextInt(numbers.length)];
			case 2, 3 -> quote(boundaryText());
			case 4 ->
				new String[] { "null", "true", "false", "[]", "{}", "[1,2]", "{\"a\":1}", "[null]", "\"\"" }[random
					.nextInt(9)];
			default -> quote(new String[] { "2026-02-30", "0000-01-01", "+999999999-12-31", "-999999999-01-01",
					"1899-12-31", "9999-12-31", "10000-01-01", "2026-13-01", LocalDate.now().plusDays(1).toString(),
					"1970-01-01", "2026-11-25T10:00:00Z" }[random.nextInt(11)]);
		};
	}

	/** Strings that break naive code. */
	String boundaryText() {
		return switch (random.nextInt(22)) {
			case 0 -> "";
			case 1 -> " ";
			case 2 -> "x".repeat(65);
			case 3 -> "y".repeat(20_000);
			case 4 -> "NaN";
			case 5 -> "Infinity";
			case 6 -> "-1";
			case 7 -> "1e400";
			case 8 -> "null";
			case 9 -> "\u0000";
			case 10 -> "a\u202eb";
			case 11 -> "\ud83d\udca5 \u00e9\u4e2d";
			case 12 -> "${7*7}";
			case 13 -> "../../etc/passwd";
			case 14 -> "<script>alert(1)</script>";
			case 15 -> "' or '1'='1";
			case 16 -> "\ud800";
			case 17 -> "a/b";
			case 18 -> "%zz";
			case 19 -> "line\nbreak\r\n\t";
			case 20 -> "\u0007\u001b[31m";
			default -> randomUnicode();
		};
	}

	String randomUnicode() {
		StringBuilder text = new StringBuilder();
		int length = random.nextInt(40);
		for (int i = 0; i < length; i++) {
			text.appendCodePoint(random.nextInt(0x2FFFF));
		}
		return text.toString();
	}

	/** Bodies that are not objects of the documented shape. */
	String wrongShape() {
		return new String[] { "[]", "null", "\"text\"", "42", "{", "{\"a\":", "{}", "[" + "[".repeat(5000),
				"{\"a\":" + "{\"a\":".repeat(3000) + "1" + "}".repeat(3001), "\u0000", "{\"partNumber\":1e400}",
				"not json" }[random.nextInt(12)];
	}

	Request multipart(String target) throws IOException {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		int files = random.nextInt(3);
		for (int i = 0; i < files; i++) {
			String[] names = { "model.bpmn", "decision.dmn", "form.form", "x.txt", "", "../../x.bpmn", "\u202egnp.bpmn",
					"a\"b.bpmn" };
			String name = names[random.nextInt(names.length)];
			byte[] content = switch (random.nextInt(7)) {
				case 0 -> new byte[0];
				case 1 -> "not xml at all".getBytes(StandardCharsets.UTF_8);
				case 2 -> deepXml(250 + random.nextInt(3000)).getBytes(StandardCharsets.UTF_8);
				case 3 -> "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY a \"b\">]><x>&a;</x>"
					.getBytes(StandardCharsets.UTF_8);
				case 4 ->
					"{\"components\": [{\"type\": \"textfield\", \"key\": 1e400}]}".getBytes(StandardCharsets.UTF_8);
				case 5 -> randomUnicode().getBytes(StandardCharsets.UTF_8);
				default -> """
						<?xml version="1.0" encoding="UTF-8"?>
						<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="t">
						  <process id="p" isExecutable="true"><startEvent id="s"/></process>
						</definitions>""".getBytes(StandardCharsets.UTF_8);
			};
			body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\""
					+ (random.nextInt(10) == 0 ? "other" : "files") + "\"; filename=\"" + name
					+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
				.getBytes(StandardCharsets.UTF_8));
			body.writeBytes(content);
			body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
		}
		if (random.nextInt(10) > 0) {
			body.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
		}
		return new Request(target, "multipart/form-data; boundary=" + BOUNDARY, body.toByteArray());
	}

	static String deepXml(int depth) {
		return "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\">" + "<a>".repeat(depth)
				+ "</a>".repeat(depth) + "</definitions>";
	}

	JsonNode resolve(JsonNode schema) {
		String ref = schema.path("$ref").asText("");
		if (ref.startsWith("#/components/schemas/")) {
			return docs.path("components").path("schemas").path(ref.substring("#/components/schemas/".length()));
		}
		return schema;
	}

	String quote(String text) {
		try {
			return json.writeValueAsString(text);
		}
		catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	static String raw(String text) {
		return text;
	}

	static String shorten(String text) {
		String flat = text.replaceAll("\\s+", " ");
		return flat.length() > 300 ? flat.substring(0, 300) + "…(" + flat.length() + ")" : flat;
	}

	/**
	 * One HTTP/1.1 exchange over a plain socket, the target sent byte for byte as given
	 * (java.net.URI refuses malformed escapes; a fuzzer must not).
	 */
	Response send(String method, String target, Role role, String contentType, byte[] body) throws IOException {
		try (Socket socket = new Socket("localhost", port)) {
			socket.setSoTimeout(60_000);
			StringBuilder head = new StringBuilder(method + " " + target + " HTTP/1.1\r\nHost: localhost\r\n"
					+ "Connection: close\r\nAccept: */*\r\nAuthorization: Bearer " + secrets.get(role) + "\r\n");
			if (contentType != null) {
				head.append("Content-Type: ").append(contentType).append("\r\n");
			}
			if (body != null) {
				head.append("Content-Length: ").append(body.length).append("\r\n");
			}
			head.append("\r\n");
			OutputStream out = socket.getOutputStream();
			try {
				out.write(head.toString().getBytes(StandardCharsets.UTF_8));
				if (body != null) {
					out.write(body);
				}
				out.flush();
			}
			catch (IOException closedEarly) {
				// the server answered (or gave up) before the whole body was sent: read
				// what
				// it said
			}
			byte[] answer;
			try {
				InputStream in = socket.getInputStream();
				answer = in.readAllBytes();
			}
			catch (IOException reset) {
				answer = new byte[0];
			}
			if (answer.length == 0) {
				return new Response(0, "the server closed the connection without an answer");
			}
			int headEnd = indexOf(answer, 0, "\r\n\r\n");
			String headers = new String(answer, 0, headEnd < 0 ? answer.length : headEnd, StandardCharsets.ISO_8859_1);
			if (!headers.startsWith("HTTP/1.1 ") || headers.length() < 12) {
				return new Response(599, "no HTTP answer: " + headers);
			}
			int status = Integer.parseInt(headers.substring(9, 12));
			byte[] payload = headEnd < 0 ? new byte[0]
					: java.util.Arrays.copyOfRange(answer, headEnd + 4, answer.length);
			if (headers.toLowerCase().contains("transfer-encoding: chunked")) {
				payload = unchunk(payload);
			}
			return new Response(status, new String(payload, StandardCharsets.UTF_8));
		}
	}

	static byte[] unchunk(byte[] bytes) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int at = 0;
		while (at < bytes.length) {
			int lineEnd = indexOf(bytes, at, "\r\n");
			if (lineEnd < 0) {
				break;
			}
			int size;
			try {
				size = Integer.parseInt(new String(bytes, at, lineEnd - at, StandardCharsets.US_ASCII).trim(), 16);
			}
			catch (NumberFormatException notChunked) {
				break;
			}
			if (size == 0) {
				break;
			}
			out.write(bytes, lineEnd + 2, Math.min(size, bytes.length - lineEnd - 2));
			at = lineEnd + 2 + size + 2;
		}
		return out.toByteArray();
	}

	static int indexOf(byte[] bytes, int from, String ascii) {
		byte[] wanted = ascii.getBytes(StandardCharsets.US_ASCII);
		outer: for (int i = from; i + wanted.length <= bytes.length; i++) {
			for (int j = 0; j < wanted.length; j++) {
				if (bytes[i + j] != wanted[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

	record Request(String target, String contentType, byte[] body) {
	}

	record Response(int status, String body) {
	}

	static final class Operation {

		final String method;

		final String path;

		final JsonNode spec;

		final List<Role> roles = new ArrayList<>();

		Operation(String method, String path, JsonNode spec) {
			this.method = method;
			this.path = path;
			this.spec = spec;
		}

	}

}
