package io.scalegate.history.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.scalegate.ScaleGateTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A product's gate history and signed gate record over HTTP: who may read them. */
@ScaleGateTest
class GateHistoryApiTest {

	@LocalServerPort
	int port;

	HttpResponse<String> get(String path, String user) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
		if (user != null) {
			request.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
		}
		return HttpClient.newHttpClient().send(request.build(), BodyHandlers.ofString());
	}

	@ParameterizedTest(name = "GET {0} as {1} → {2}")
	@CsvSource({ "/api/products/BRK-1001/history, auditor, 200", "/api/products/BRK-1001/gate-record.pdf, auditor, 200",
			"/api/products/NO-SUCH/history, auditor, 404" })
	void whoMayRead(String path, String user, int status) throws Exception {
		assertThat(get(path, user).statusCode()).isEqualTo(status);
	}

	@Test
	void theGateRecordIsAPdf() throws Exception {
		HttpResponse<String> pdf = get("/api/products/BRK-1001/gate-record.pdf", "auditor");

		assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
		assertThat(pdf.body()).startsWith("%PDF");
	}

}
