package io.scalegate.journey;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * An auditor answers "who approved this move to mass production, on what, was it
 * overridden?" and proves the trail intact.
 */
class AuditJourneyIT extends BrowserJourney {

	@Test
	void anAuditorOpensAProductsGateHistoryAndVerifiesTheTrail() throws Exception {
		logIn("auditor");
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("current-user")));
		browser.get("http://localhost:" + port + "/products/BRK-1001");
		wait.until(ExpectedConditions.elementToBeClickable(By.id("history-link"))).click();

		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("history-heading"), "BRK-1001"));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("gate-gate-2-1")));
		String gate2 = browser.findElement(By.id("gate-gate-2-1")).getText();
		assertThat(gate2).contains("Go: mass production", "Gail Gatekeeper", "Approved")
			.doesNotContain("GO_MASS_PRODUCTION", "null");
		wait.until(ExpectedConditions.attributeToBe(By.id("process-diagram"), "data-drawn", "true"));
		assertThat(browser.findElements(By.cssSelector("#process-diagram .bjs-powered-by"))).as("bpmn.io watermark")
			.hasSize(1);
		assertThat(browser.findElements(By.cssSelector("#process-diagram .sg-passed"))).isNotEmpty();
		screenshot("gate-history.png");

		browser.get("http://localhost:" + port + "/audit");
		wait.until(ExpectedConditions.elementToBeClickable(By.id("verify-chain"))).click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("chain-verdict"), "Intact"));
		screenshot("audit-trail.png");
	}

}
