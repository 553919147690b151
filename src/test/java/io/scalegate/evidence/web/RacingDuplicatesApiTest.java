package io.scalegate.evidence.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scalegate.ScaleGateTest;
import io.scalegate.Together;
import io.scalegate.evidence.EvidenceKind;
import io.scalegate.evidence.EvidenceRows;
import io.scalegate.product.ProductService;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Racing duplicates over HTTP (issue 12, item 7): requests released together by one latch
 * against the real server. Whatever the race, the answers are 201, 200 or 409 (never a
 * 5xx), there is exactly one record, and every repeat with the same
 * {@code Idempotency-Key} is a replay of the first answer (or a 409 asking to retry).
 */
@ScaleGateTest
class RacingDuplicatesApiTest {

	static final String YESTERDAY = LocalDate.now().minusDays(1).toString();

	static final Set<Integer> ALLOWED = Set.of(200, 201, 409);

	@LocalServerPort
	int port;

	@Autowired
	ProductService products;

	@Autowired
	EvidenceRows recorded;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ObjectMapper json;

	final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();

	HttpResponse<String> call(String method, String path, String user, String body, String... headers)
			throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.timeout(Duration.ofSeconds(90))
			.method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body))
			.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		return http.send(request.build(), BodyHandlers.ofString());
	}

	/** Sends {@code n} requests released together; returns their answers in order. */
	@SuppressWarnings("unchecked")
	List<HttpResponse<String>> together(int n, IntFunction<Callable<HttpResponse<String>>> request) throws Exception {
		List<Callable<Object>> calls = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			Callable<HttpResponse<String>> one = request.apply(i);
			calls.add(one::call);
		}
		return Together.run(calls).stream().map(answer -> (HttpResponse<String>) answer).toList();
	}

	/** Each answer's status, with the body of the first few that are not 2xx. */
	static String describe(List<HttpResponse<String>> answers) {
		StringBuilder text = new StringBuilder(statuses(answers).toString());
		answers.stream()
			.filter(a -> a.statusCode() >= 300)
			.limit(5)
			.forEach(a -> text.append("\n").append(a.statusCode()).append(' ').append(a.body()));
		return text.toString();
	}

	static List<Integer> statuses(List<HttpResponse<String>> answers) {
		return answers.stream().map(HttpResponse::statusCode).toList();
	}

	static long count(List<HttpResponse<String>> answers, int status) {
		return answers.stream().filter(a -> a.statusCode() == status).count();
	}

	JsonNode body(HttpResponse<String> response) throws Exception {
		return json.readTree(response.body());
	}

	String aProduct() throws Exception {
		String partNumber = "RACE-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		HttpResponse<String> created = call("POST", "/api/products", "engineer", registration(partNumber));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return partNumber;
	}

	static String registration(String partNumber) {
		return """
				{"partNumber": "%s", "name": "Pump housing", "customer": "Kestrel Pumps", "revision": "B",
				 "owner": "engineer"}""".formatted(partNumber);
	}

	static String batch(String number) {
		return "{\"batchNumber\": \"" + number + "\", \"quantity\": 100, \"dimensionalResult\": \"PASS\", "
				+ "\"finishResult\": \"PASS\", \"inspectionResult\": \"PASS\", \"promisedOn\": \"" + YESTERDAY + "\"}";
	}

	long products(String partNumber) {
		return jdbc.sql("select count(*) from product where part_number = ?")
			.param(partNumber)
			.query(Long.class)
			.single();
	}

	@Test
	void tenConcurrentPostsOfOneSmallBatchNumberRecordItOnceAndAnswer409() throws Exception {
		String partNumber = aProduct();

		List<HttpResponse<String>> answers = together(10,
				i -> () -> call("POST", "/api/products/" + partNumber + "/small-batches", "quality", batch("B-RACE")));

		assertThat(statuses(answers)).as(describe(answers)).allMatch(ALLOWED::contains);
		assertThat(count(answers, 201)).isEqualTo(1);
		assertThat(recorded.of(EvidenceKind.SMALL_BATCH, products.get(partNumber).id())).hasSize(1);
		for (HttpResponse<String> answer : answers) {
			if (answer.statusCode() == 409) {
				assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
				assertThat(body(answer).path("detail").asText()).contains("B-RACE");
			}
		}
	}

	@Test
	void tenConcurrentPostsOfOneSmallBatchWithOneKeyRecordItOnceAndReplayTheAnswer() throws Exception {
		String partNumber = aProduct();
		String key = UUID.randomUUID().toString();

		List<HttpResponse<String>> answers = together(10, i -> () -> call("POST",
				"/api/products/" + partNumber + "/small-batches", "quality", batch("B-KEY"), "Idempotency-Key", key));

		assertThat(statuses(answers)).as(describe(answers)).allMatch(ALLOWED::contains);
		assertThat(recorded.of(EvidenceKind.SMALL_BATCH, products.get(partNumber).id())).hasSize(1);
		assertReplays(answers);
	}

	@Test
	void fiftyConcurrentOrdersOfAProductWithoutContributorsAreAllRecorded() throws Exception {
		String partNumber = aProduct();

		List<HttpResponse<String>> answers = together(50,
				i -> () -> call("POST", "/api/products/" + partNumber + "/orders", "quality", "{\"orderMonth\": \""
						+ YESTERDAY + "\", \"quantity\": " + (100 + i) + ", \"customer\": \"Customer " + i + "\"}"));

		assertThat(statuses(answers)).as(describe(answers)).allMatch(ALLOWED::contains);
		assertThat(recorded.of(EvidenceKind.ORDER, products.get(partNumber).id())).hasSize((int) count(answers, 201));
		assertThat(jdbc.sql(
				"select count(*) from evidence_contributor c join product p on p.id = c.product_id where p.part_number = ?")
			.param(partNumber)
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(count(answers, 201)).as(describe(answers)).isGreaterThan(0);
	}

	@Test
	void twentyConcurrentRegistrationsOfOnePartNumberRegisterItOnce() throws Exception {
		String partNumber = "RACE-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();

		List<HttpResponse<String>> answers = together(20,
				i -> () -> call("POST", "/api/products", "engineer", registration(partNumber)));

		assertThat(statuses(answers)).as(describe(answers)).allMatch(ALLOWED::contains);
		assertThat(count(answers, 201)).isEqualTo(1);
		assertThat(products(partNumber)).isEqualTo(1);
		for (HttpResponse<String> answer : answers) {
			if (answer.statusCode() == 409) {
				assertThat(body(answer).path("detail").asText()).contains(partNumber);
			}
		}
	}

	@Test
	void twentyConcurrentRegistrationsWithOneKeyRegisterOnceAndReplay() throws Exception {
		String partNumber = "RACE-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		String key = UUID.randomUUID().toString();

		List<HttpResponse<String>> answers = together(20,
				i -> () -> call("POST", "/api/products", "engineer", registration(partNumber), "Idempotency-Key", key));

		assertThat(statuses(answers)).as(describe(answers)).allMatch(ALLOWED::contains);
		assertThat(products(partNumber)).isEqualTo(1);
		assertReplays(answers);
		// a client that got 409 "in progress" and retries gets the first answer
		HttpResponse<String> retried = call("POST", "/api/products", "engineer", registration(partNumber),
				"Idempotency-Key", key);
		assertThat(retried.statusCode()).isEqualTo(201);
		assertThat(retried.headers().firstValue("Idempotent-Replayed")).hasValue("true");
	}

	/**
	 * Exactly one first answer (201); every other is a replay with the same body, or a
	 * 409 "in progress" with {@code Retry-After}.
	 */
	void assertReplays(List<HttpResponse<String>> answers) throws Exception {
		List<HttpResponse<String>> created = answers.stream().filter(a -> a.statusCode() == 201).toList();
		assertThat(created).isNotEmpty();
		List<HttpResponse<String>> firsts = created.stream()
			.filter(a -> a.headers().firstValue("Idempotent-Replayed").isEmpty())
			.toList();
		assertThat(firsts).as(describe(answers)).hasSize(1);
		JsonNode first = body(firsts.get(0));
		for (HttpResponse<String> answer : answers) {
			if (answer.statusCode() == 201) {
				assertThat(body(answer)).isEqualTo(first);
			}
			else {
				assertThat(answer.statusCode()).isEqualTo(409);
				assertThat(answer.headers().firstValue("Retry-After")).isPresent();
				assertThat(body(answer).path("detail").asText()).contains("in progress");
			}
		}
	}

}
