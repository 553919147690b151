package io.scalegate.journey;

import static org.assertj.core.api.Assertions.assertThat;

import io.scalegate.ScaleGateTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A new colleague's first sign-in (docs/adr/0014): an administrator creates the account
 * in the Users view and reads its one-time password once; the person signs in with it,
 * lands on the page that replaces it, chooses their own password and signs in with that.
 */
@ScaleGateTest
class OnboardingJourneyIT extends BrowserJourney {

	@Test
	void anAdministratorCreatesAnAccountAndThePersonChoosesTheirOwnPassword() throws Exception {
		String username = "journey-" + UUID.randomUUID().toString().substring(0, 6);
		logIn("admin");
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("current-user")));
		assertThat(browser.findElement(By.id("navigation")).getText()).contains("Users", "My account");
		browser.get("http://localhost:" + port + "/admin/users");
		wait.until(ExpectedConditions.elementToBeClickable(By.id("new-user"))).click();
		type("username", username);
		type("full-name", "Jo Newcomer");
		type("email", username + "@example.com");
		for (WebElement role : browser.findElements(By.cssSelector("#roles vaadin-checkbox"))) {
			if (role.getText().strip().equals("ENGINEER")) {
				role.findElement(By.cssSelector("input")).click();
			}
		}
		type("reason", "joins engineering");
		browser.findElement(By.id("create")).click();
		WebElement shown = wait
			.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#one-time-password input")));
		wait.until(driver -> !shown.getAttribute("value").isEmpty());
		String oneTime = shown.getAttribute("value");
		assertThat(oneTime).hasSize(16);
		screenshot("users-one-time-password.png");
		browser.findElement(By.id("done")).click();
		browser.findElement(By.id("logout")).click();
		wait.until(ExpectedConditions.urlContains("/login"));

		// the one-time password leads to the page that replaces it, and nowhere else
		browser.get("http://localhost:" + port + "/login");
		type("vaadinLoginUsername", username);
		type("vaadinLoginPassword", oneTime);
		browser.findElement(By.cssSelector("vaadin-button[slot='submit']")).click();
		wait.until(ExpectedConditions.urlContains("/login/new-password"));
		WebElement prefilled = wait
			.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#username input")));
		assertThat(prefilled.getAttribute("value")).isEqualTo(username);
		assertThat(browser.findElements(By.id("current-user"))).isEmpty();
		type("one-time-password", oneTime);
		type("new-password", "qwerty123456");
		type("repeat-password", "qwerty123456");
		browser.findElement(By.id("choose-password")).click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("new-password"), "most common passwords"));
		screenshot("new-password-refused.png");
		browser.findElement(By.cssSelector("#new-password input")).clear();
		browser.findElement(By.cssSelector("#repeat-password input")).clear();
		type("new-password", "maple syrup on thursdays");
		type("repeat-password", "maple syrup on thursdays");
		browser.findElement(By.id("choose-password")).click();
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("password-changed")));

		type("vaadinLoginUsername", username);
		type("vaadinLoginPassword", "maple syrup on thursdays");
		browser.findElement(By.cssSelector("vaadin-button[slot='submit']")).click();
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("current-user")));
		browser.get("http://localhost:" + port + "/account");
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("account-name"), "Jo Newcomer"));
		assertThat(browser.findElement(By.id("account-roles")).getText()).isEqualTo("ENGINEER");
		assertThat(browser.findElement(By.id("navigation")).getText()).contains("My account").doesNotContain("Users");
		screenshot("my-account.png");
	}

}
