package io.scalegate.journey;

import static org.assertj.core.api.Assertions.assertThat;

import io.scalegate.ScaleGateTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * An address that is no page, and a page the person's roles do not open, show ScaleGate's
 * own views inside the shell, never Vaadin's page listing every route, and answer 404 and
 * 403 on the first load.
 */
@ScaleGateTest
class ErrorPagesJourneyIT extends BrowserJourney {

	@Test
	void unknownAndForbiddenPagesAnswerInTheShellWithTheirStatus() throws Exception {
		logIn("engineer");
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("current-user")));

		browser.get("http://localhost:" + port + "/no-such-page");
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("page-not-found")));
		assertThat(browser.findElement(By.id("page-not-found")).getText()).contains("Page not found")
			.contains("/no-such-page");
		assertThat(browser.findElement(By.id("current-user")).isDisplayed()).isTrue();
		assertThat(browser.getPageSource()).doesNotContain("Available routes").doesNotContain("admin/api-tokens");
		screenshot("page-not-found.png");

		browser.get("http://localhost:" + port + "/admin/api-tokens");
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("access-denied")));
		assertThat(browser.findElement(By.id("access-denied")).getText()).contains("No access to this page");
		assertThat(browser.getPageSource()).doesNotContain("Available routes").doesNotContain("admin/users");
		screenshot("access-denied.png");

		String session = browser.manage().getCookieNamed("JSESSIONID").getValue();
		assertThat(status("/no-such-page", session)).isEqualTo(404);
		assertThat(status("/products/HTS-1210/no-such-tab", session)).isEqualTo(404);
		assertThat(status("/admin/api-tokens", session)).isEqualTo(403);
		assertThat(status("/models/changes/1", session)).isEqualTo(403);
		assertThat(status("/inbox", session)).isEqualTo(200);
		assertThat(status("/products/HTS-1210", session)).isEqualTo(200);
	}

	private int status(String path, String session) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Cookie", "JSESSIONID=" + session)
			.header("Accept", "text/html")
			.build();
		return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
	}

}
