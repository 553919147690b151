package io.scalegate.journey;

import static org.assertj.core.api.Assertions.assertThat;

import io.scalegate.ScaleGateTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Logging in: each kind of user sees what that role may open. */
@ScaleGateTest
class LoginJourneyIT extends BrowserJourney {

	@Test
	void anEngineerLogsInAndSeesTheProductsOfEveryStage() throws Exception {
		logIn("engineer");

		WebElement user = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("current-user")));
		assertThat(user.getText()).isEqualTo("engineer · ENGINEER");
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("products")));
		assertThat(browser.findElement(By.id("count-MASS_PRODUCTION")).getText()).contains("Mass production");
		assertThat(browser.findElement(By.id("navigation")).getText()).contains("Products").doesNotContain("Camunda");
		screenshot("products.png");
	}

	@Test
	void aWrongPasswordKeepsTheVisitorOnTheLoginPage() {
		browser.get("http://localhost:" + port + "/login");
		type("vaadinLoginUsername", "engineer");
		type("vaadinLoginPassword", "not-the-password");
		browser.findElement(By.cssSelector("vaadin-button[slot='submit']")).click();
		wait.until(ExpectedConditions.urlContains("error"));
		assertThat(browser.findElements(By.id("current-user"))).isEmpty();
	}

	@Test
	void anAdminReachesCamundaCockpitThroughTheSameLogin() {
		logIn("admin");
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("current-user")));
		assertThat(browser.findElement(By.id("navigation")).getText()).contains("Camunda Cockpit");
		browser.get("http://localhost:" + port + "/camunda/app/cockpit/default/");
		wait.until(ExpectedConditions.urlContains("/camunda/app/cockpit/default/#/dashboard"));
	}

	@Test
	void qualityAndSupplierQualityFindTheirOwnTasksAndTheAuditorHasNoInbox() {
		for (String[] role : new String[][] { { "quality", "Approve inspection standard" },
				{ "supplier", "Qualify supplier" } }) {
			logIn(role[0]);
			wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("current-user")));
			browser.get("http://localhost:" + port + "/inbox");
			wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("inbox"), role[1]));
			assertThat(browser.findElement(By.id("inbox")).getText()).doesNotContain("Sign off design freeze");
			browser.findElement(By.id("logout")).click();
			wait.until(ExpectedConditions.urlContains("/login"));
		}
		logIn("auditor");
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("current-user")));
		assertThat(browser.findElement(By.id("navigation")).getText()).contains("Products").doesNotContain("Inbox");
	}

}
