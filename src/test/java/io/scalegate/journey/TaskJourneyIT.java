package io.scalegate.journey;

import static org.assertj.core.api.Assertions.assertThat;

import io.scalegate.ScaleGateTest;
import io.scalegate.gate.GateReason;
import io.scalegate.gate.ProductLifecycle;
import io.scalegate.gate.process.Lifecycles;
import io.scalegate.product.Product;
import java.time.Duration;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/** A person's gate work in a real browser: from the inbox to a signed completion. */
@ScaleGateTest
class TaskJourneyIT extends BrowserJourney {

	@Autowired
	Lifecycles lifecycles;

	@Autowired
	TaskService tasks;

	@Test
	void anEngineerSignsTheDesignFreezeAndTheTaskLeavesTheInbox() throws Exception {
		Product product = lifecycles.aProduct(false);
		lifecycles.passGate1(product);
		Task task = lifecycles.task(product, ProductLifecycle.DESIGN_FREEZE_SIGN_OFF);

		logIn("engineer");
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("current-user")));
		browser.get("http://localhost:" + port + "/inbox");
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("inbox")));
		screenshot("inbox.png");
		type("filter-product", product.partNumber());
		// the grid keeps the cells of rows it no longer shows: wait until one row is
		// displayed, then open it
		wait.until(driver -> openButtons().size() == 1
				&& openButtons().get(0).getAttribute("id").equals("open-" + task.getId()));
		openButtons().get(0).click();

		wait.until(ExpectedConditions.textToBe(By.id("task-title"), "Sign off design freeze"));
		browser.findElement(By.cssSelector("#field-designFrozen input")).click();
		screenshot("task-form.png");
		browser.findElement(By.id("sign")).click();
		type("signature-password", "demo");
		browser.findElement(By.id("signature-confirm")).click();

		wait.until(ExpectedConditions.urlMatches(".*/inbox$"));
		wait.withTimeout(Duration.ofSeconds(30))
			.until(driver -> tasks.createTaskQuery().taskId(task.getId()).count() == 0);
		type("filter-product", product.partNumber());
		wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("open-" + task.getId())));
		assertThat(browser.findElements(By.id("open-" + task.getId()))).isEmpty();
	}

	private java.util.List<org.openqa.selenium.WebElement> openButtons() {
		return browser.findElements(By.cssSelector("vaadin-button[id^='open-']"))
			.stream()
			.filter(b -> b.isDisplayed())
			.toList();
	}

	@Test
	void aGatekeeperSeesTheRecommendationAndItsReasonsBesideTheGateForm() throws Exception {
		Task review = tasks.createTaskQuery()
			.processInstanceBusinessKey("HTS-1210")
			.taskDefinitionKey(ProductLifecycle.GATE_REVIEW)
			.singleResult();
		logIn("gatekeeper");
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("current-user")));
		browser.get("http://localhost:" + port + "/tasks/" + review.getId());
		wait.until(ExpectedConditions.textToBe(By.id("gate-recommendation"), "Hold: the product stays in small batch"));
		assertThat(browser.findElement(By.id("gate-reasons")).getText())
			.contains(GateReason.TOOLING_NOT_JUSTIFIED.explanation())
			.doesNotContain("TOOLING_NOT_JUSTIFIED");
		screenshot("gate-review.png");
	}

}
