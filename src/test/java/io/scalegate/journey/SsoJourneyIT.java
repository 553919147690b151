package io.scalegate.journey;

import static org.assertj.core.api.Assertions.assertThat;

import io.scalegate.PostgresTestDatabase;
import io.scalegate.ScaleGateTest;
import io.scalegate.gate.ProductLifecycle;
import io.scalegate.gate.process.Lifecycles;
import io.scalegate.product.Product;
import java.time.Duration;
import java.util.UUID;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The company login in a real browser (docs/adr/0015): "Sign in with Acme", the identity
 * provider's own login page (mock-oauth2-server's interactive login: a user id and the
 * claims), back in ScaleGate as that user with the role the groups claim maps to; then a
 * signing PIN set and a task signed with it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"camunda.bpm.process-engine-name=ssojourney", "camunda.bpm.webapp.enabled=false",
		"camunda.bpm.job-execution.enabled=false", "vaadin.launch-browser=false",
		"vaadin.devmode.devTools.enabled=false", "scalegate.security.sign-in.summary-cron=-",
		"scalegate.audit.key-id=test", "scalegate.audit.key=" + ScaleGateTest.AUDIT_KEY,
		"spring.datasource.url=jdbc:h2:mem:sso-journey;DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=30000",
		"scalegate.sso.client-id=scalegate", "scalegate.sso.client-secret=not-checked-by-the-mock",
		"scalegate.sso.display-name=Acme", "scalegate.sso.roles.ENGINEER=sg-engineers" })
@Import(PostgresTestDatabase.class)
class SsoJourneyIT extends BrowserJourney {

	static final MockOAuth2Server IDP = new MockOAuth2Server(new OAuth2Config(true));

	static {
		IDP.start();
	}

	@DynamicPropertySource
	static void identityProvider(DynamicPropertyRegistry registry) {
		registry.add("scalegate.sso.issuer-uri", () -> IDP.issuerUrl("acme").toString());
	}

	@AfterAll
	static void stop() {
		IDP.shutdown();
	}

	@Autowired
	Lifecycles lifecycles;

	@Autowired
	TaskService tasks;

	@Test
	void anEngineerSignsInWithTheCompanyLoginSetsAPinAndSignsATaskWithIt() throws Exception {
		String user = "sso-" + UUID.randomUUID().toString().substring(0, 8);
		Product product = lifecycles.aProduct(false);
		lifecycles.passGate1(product);
		Task task = lifecycles.task(product, ProductLifecycle.DESIGN_FREEZE_SIGN_OFF);

		browser.get("http://localhost:" + port + "/login");
		wait.until(ExpectedConditions.elementToBeClickable(By.id("sso-login")));
		assertThat(browser.findElement(By.id("sso-login")).getText()).isEqualTo("Sign in with Acme");
		screenshot("sso-login.png");
		browser.findElement(By.id("sso-login")).click();

		// the identity provider's page
		WebElement username = wait.until(ExpectedConditions.presenceOfElementLocated(By.name("username")));
		username.sendKeys("subject-" + user);
		WebElement claims = browser.findElement(By.name("claims"));
		claims.clear();
		claims.sendKeys("{\"preferred_username\": \"" + user
				+ "\", \"name\": \"Jo Journey\", \"groups\": [\"sg-engineers\", \"staff\"]}");
		browser.findElement(By.cssSelector("input[type='submit']")).click();

		WebElement current = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("current-user")));
		assertThat(current.getText()).isEqualTo(user + " · ENGINEER");
		screenshot("sso-signed-in.png");

		// signing asks for the PIN, which is not set yet
		openDesignFreeze(task);
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("signature-no-pin")));
		assertThat(browser.findElement(By.id("signature-password")).getAttribute("label")).isEqualTo("Signing PIN");

		screenshot("sso-no-pin.png");
		browser.findElement(By.linkText("Set your signing PIN")).click();
		type("new-pin", "482915");
		type("repeat-pin", "482915");
		browser.findElement(By.id("save-pin")).click();
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("current-pin")));

		openDesignFreeze(task);
		assertThat(browser.findElements(By.id("signature-no-pin"))).isEmpty();
		type("signature-password", "482915");
		browser.findElement(By.id("signature-confirm")).click();
		wait.until(ExpectedConditions.urlMatches(".*/inbox$"));
		wait.withTimeout(Duration.ofSeconds(30))
			.until(driver -> tasks.createTaskQuery().taskId(task.getId()).count() == 0);
	}

	@Test
	void aPersonWhoseGroupsGiveNoRoleIsToldWhy() {
		browser.get("http://localhost:" + port + "/login");
		wait.until(ExpectedConditions.elementToBeClickable(By.id("sso-login"))).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.name("username"))).sendKeys("subject-visitor");
		WebElement claims = browser.findElement(By.name("claims"));
		claims.clear();
		claims.sendKeys("{\"preferred_username\": \"visitor-" + UUID.randomUUID().toString().substring(0, 8)
				+ "\", \"groups\": [\"marketing\"]}");
		browser.findElement(By.cssSelector("input[type='submit']")).click();

		WebElement refused = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sso-refused")));
		assertThat(refused.getText()).contains("none of your groups gives you a role");
		assertThat(browser.findElements(By.id("current-user"))).isEmpty();
	}

	private void openDesignFreeze(Task task) {
		browser.get("http://localhost:" + port + "/tasks/" + task.getId());
		wait.until(ExpectedConditions.textToBe(By.id("task-title"), "Sign off design freeze"));
		WebElement frozen = browser.findElement(By.cssSelector("#field-designFrozen input"));
		if (!frozen.isSelected()) {
			frozen.click();
		}
		browser.findElement(By.id("sign")).click();
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#signature-password input")));
	}

}
