package io.scalegate.journey;

import static org.assertj.core.api.Assertions.assertThat;

import io.scalegate.ScaleGateTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An address that is no page, and a page the person's roles do not open, show ScaleGate's
 * own views inside the shell, never Vaadin's page listing every route, and answer 404 and
 * 403 on the first load; so does a page about a product, task or model change that does
 * not exist (404).
 */
@ScaleGateTest
class ErrorPagesJourneyIT extends BrowserJourney {

	@Autowired
	HistoryService history;

	@Autowired
	TaskService tasks;

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

	@Test
	void pagesAboutAProductOrTaskThatDoesNotExistAnswer404() throws Exception {
		logIn("engineer");
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("current-user")));

		browser.get("http://localhost:" + port + "/products/NO-SUCH-9");
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("page-not-found")));
		assertThat(browser.findElement(By.id("page-not-found")).getText()).contains("Page not found")
			.contains("No product with part number NO-SUCH-9.");
		assertThat(browser.findElement(By.id("current-user")).isDisplayed()).isTrue();
		screenshot("product-not-found.png");

		browser.get("http://localhost:" + port + "/tasks/no-such-task-42");
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("page-not-found"),
				"No task no-such-task-42."));

		String session = browser.manage().getCookieNamed("JSESSIONID").getValue();
		assertThat(status("/products/NO-SUCH-9", session)).isEqualTo(404);
		assertThat(status("/products/NO-SUCH-9/history", session)).isEqualTo(404);
		assertThat(status("/products/HTS-1210/history", session)).isEqualTo(200);
		assertThat(status("/tasks/no-such-task-42", session)).isEqualTo(404);
		String completed = history.createHistoricTaskInstanceQuery().finished().listPage(0, 1).get(0).getId();
		assertThat(status("/tasks/" + completed, session)).as("a task completed meanwhile keeps its notice")
			.isEqualTo(200);
		String open = tasks.createTaskQuery().listPage(0, 1).get(0).getId();
		assertThat(status("/tasks/" + open, session)).isEqualTo(200);
	}

	@Test
	void aModelChangeThatDoesNotExistAnswers404() throws Exception {
		logIn("owner");
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("current-user")));

		browser.get("http://localhost:" + port + "/models/changes/987654321");
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("page-not-found")));
		assertThat(browser.findElement(By.id("page-not-found")).getText()).contains("No model change #987654321.");

		String session = browser.manage().getCookieNamed("JSESSIONID").getValue();
		assertThat(status("/models/changes/987654321", session)).isEqualTo(404);
		assertThat(status("/models/changes/not-a-number", session)).isEqualTo(404);
		assertThat(status("/models", session)).isEqualTo(200);
	}

	private int status(String path, String session) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Cookie", "JSESSIONID=" + session)
			.header("Accept", "text/html")
			.build();
		return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
	}

}
