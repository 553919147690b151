package io.scalegate.journey;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.scalegate.ScaleGateTest;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Journeys in a real browser: Debian's headless Chromium driven by Selenium against the
 * running app. Skipped where Chromium is not installed, except in CI (CI=true), where
 * they must run.
 */
@ScaleGateTest
abstract class BrowserJourney {

	static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	@LocalServerPort
	protected int port;

	WebDriver browser;

	WebDriverWait wait;

	@BeforeEach
	void startBrowser() throws Exception {
		boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
		if (!"true".equals(System.getenv("CI"))) {
			assumeTrue(installed, "Debian's chromium and chromium-driver are not installed");
		}
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--user-data-dir=" + Files.createTempDirectory("chromium").toAbsolutePath());
		// the console, where Chromium reports Content-Security-Policy violations
		options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.build();
		browser = new ChromeDriver(service, options);
		browser.manage().window().setSize(new Dimension(1400, 900));
		wait = new WebDriverWait(browser, Duration.ofSeconds(60));
	}

	/**
	 * Keeps a screenshot of the page a failed journey ended on:
	 * target/screenshots/failed-<test>.png.
	 */
	@org.junit.jupiter.api.extension.RegisterExtension
	final org.junit.jupiter.api.extension.TestWatcher keepFailure = new org.junit.jupiter.api.extension.TestWatcher() {
		@Override
		public void testFailed(org.junit.jupiter.api.extension.ExtensionContext context, Throwable cause) {
			try {
				screenshot("failed-" + context.getRequiredTestMethod().getName() + ".png");
			}
			catch (Exception ignored) {
				// the browser is gone: nothing to keep
			}
			finally {
				quit();
			}
		}

		@Override
		public void testSuccessful(org.junit.jupiter.api.extension.ExtensionContext context) {
			quit();
		}

		@Override
		public void testAborted(org.junit.jupiter.api.extension.ExtensionContext context, Throwable cause) {
			quit();
		}
	};

	void quit() {
		if (browser != null) {
			browser.quit();
			browser = null;
		}
	}

	void logIn(String username) {
		browser.get("http://localhost:" + port + "/login");
		type("vaadinLoginUsername", username);
		type("vaadinLoginPassword", "demo");
		browser.findElement(By.cssSelector("vaadin-button[slot='submit']")).click();
	}

	void type(String fieldId, String text) {
		WebElement field = wait
			.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#" + fieldId + " input")));
		field.sendKeys(text);
	}

	void screenshot(String name) throws Exception {
		File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
		Path target = Path.of("target", "screenshots");
		Files.createDirectories(target);
		Files.copy(shot.toPath(), target.resolve(name), StandardCopyOption.REPLACE_EXISTING);
	}

}
