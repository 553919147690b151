package io.scalegate.journey;

import static org.assertj.core.api.Assertions.assertThat;

import io.scalegate.ScaleGateTest;
import io.scalegate.security.Role;
import io.scalegate.security.SignInLock.Kind;
import io.scalegate.security.SignInThrottle;
import io.scalegate.security.UserAccounts;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The Content-Security-Policy keeps every page working (no violation in the console on
 * the login page, the inbox, the BPMN/DMN editor and Swagger UI), and a locked account is
 * told when to retry (docs/adr/0011-sign-in-throttling.md).
 */
@ScaleGateTest
class BrowserSecurityJourneyIT extends BrowserJourney {

	@Autowired
	UserAccounts accounts;

	@Autowired
	SignInThrottle throttle;

	@Test
	void noPageBreaksTheContentSecurityPolicy() throws Exception {
		List<String> violations = new ArrayList<>();
		// Swagger UI and the API description it fetches ask for HTTP Basic: sent by the
		// browser
		ChromeDriver chrome = (ChromeDriver) browser;
		chrome.executeCdpCommand("Network.enable", Map.of());
		chrome.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", Map.of("Authorization",
				"Basic " + Base64.getEncoder().encodeToString("owner:demo".getBytes(StandardCharsets.UTF_8)))));
		browser.get("http://localhost:" + port + "/swagger-ui/index.html");
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".swagger-ui .opblock-tag")));
		violations.addAll(violations("swagger ui"));
		screenshot("csp-swagger-ui.png");
		chrome.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", Map.of()));

		browser.get("http://localhost:" + port + "/login");
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#vaadinLoginUsername input")));
		violations.addAll(violations("login"));

		logIn("engineer");
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("current-user")));
		browser.get("http://localhost:" + port + "/inbox");
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("inbox")));
		violations.addAll(violations("inbox"));
		browser.findElement(By.id("logout")).click();
		wait.until(ExpectedConditions.urlContains("/login"));

		logIn("owner");
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("current-user")));
		browser.get("http://localhost:" + port + "/models");
		wait.until(ExpectedConditions
			.elementToBeClickable(By.xpath("//vaadin-grid-cell-content[normalize-space(.)='demandStability']")))
			.click();
		wait.until(ExpectedConditions.elementToBeClickable(By.id("edit-model"))).click();
		wait.until(ExpectedConditions.urlMatches(".*/models/changes/\\d+$"));
		wait.until(ExpectedConditions.attributeToBe(By.id("model-editor"), "data-ready", "true"));
		violations.addAll(violations("model editor"));
		screenshot("csp-model-editor.png");

		assertThat(violations).isEmpty();
	}

	@Test
	void aLockedAccountIsToldWhenToRetry() throws Exception {
		String user = "journey-locked";
		if (!accounts.exists(user)) {
			accounts.save(user, "Locked in a journey", "demo", Set.of(Role.ENGINEER));
		}
		throttle.unlock(Kind.ACCOUNT, user, "admin");
		try {
			for (int attempt = 0; attempt < SignInThrottle.ACCOUNT_THRESHOLD; attempt++) {
				browser.get("http://localhost:" + port + "/login");
				type("vaadinLoginUsername", user);
				type("vaadinLoginPassword", "wrong-" + attempt);
				browser.findElement(By.cssSelector("vaadin-button[slot='submit']")).click();
				wait.until(ExpectedConditions.urlMatches(".*/login\\?(error|locked=\\d+)$"));
			}
			logIn(user);
			wait.until(ExpectedConditions.urlContains("locked="));
			wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("vaadin-login-form"),
					"Too many failed sign-ins"));
			assertThat(browser.findElement(By.tagName("vaadin-login-form")).getText()).contains("try again after")
				.contains("UTC");
			assertThat(browser.findElements(By.id("current-user"))).isEmpty();
			screenshot("login-locked.png");
		}
		finally {
			throttle.unlock(Kind.ACCOUNT, user, "admin");
			throttle.unlock(Kind.ADDRESS, "127.0.0.1", "admin");
		}
	}

	private List<String> violations(String page) {
		List<String> found = new ArrayList<>();
		for (LogEntry entry : browser.manage().logs().get(LogType.BROWSER)) {
			String message = entry.getMessage();
			if (message.contains("Content Security Policy") || message.contains("Content-Security-Policy")) {
				found.add(page + ": " + message);
			}
		}
		return found;
	}

}
