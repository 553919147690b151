package io.scalegate.journey;

import static org.assertj.core.api.Assertions.assertThat;

import io.scalegate.ScaleGateTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * ScaleGate on a phone (390 x 844), a tablet (768 x 1024) and a desktop (1280 x 800), on
 * the demo data: inbox, a task and a product page are no wider than the window, the
 * inbox's Open and Claim buttons are within it, and the task's form comes before its
 * evidence where the two cannot sit side by side. The phone screenshots are kept in
 * docs/screenshots.
 */
@ScaleGateTest
class PhoneJourneyIT extends BrowserJourney {

	@Test
	void aQualityEngineerWorksFromAPhone() throws Exception {
		window(390, 844);
		String task = inboxFits("phone");
		cards(task);
		keep("phone-inbox.png");
		taskFits(task, true);
		keep("phone-task.png");
		productPageFits();
		keep("phone-product.png");
	}

	@Test
	void theSamePagesFitATablet() throws Exception {
		window(768, 1024);
		String task = inboxFits("tablet");
		cards(task);
		screenshot("tablet-inbox.png");
		taskFits(task, true);
		screenshot("tablet-task.png");
		productPageFits();
		screenshot("tablet-product.png");
	}

	@Test
	void aDesktopKeepsItsColumns() throws Exception {
		window(1280, 800);
		String task = inboxFits("desktop");
		assertThat(browser.findElements(By.cssSelector("vaadin-grid-cell-content"))
			.stream()
			.filter(WebElement::isDisplayed)
			.map(WebElement::getText)).as("the inbox shows its columns on a desktop")
			.contains("Part number", "Assignee");
		taskFits(task, false);
		productPageFits();
	}

	/** Sets the viewport as a device of that size would (CSS pixels, no zoom). */
	private void window(int width, int height) {
		((ChromeDriver) browser).executeCdpCommand("Emulation.setDeviceMetricsOverride",
				Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", width < 1024));
		logIn("quality");
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("current-user")));
		assertThat(((Number) js("return window.innerWidth")).intValue()).isEqualTo(width);
	}

	/**
	 * The inbox within the window with an unclaimed task's Open and Claim buttons inside
	 * it; the id of that task.
	 */
	private String inboxFits(String device) {
		browser.get("http://localhost:" + port + "/inbox");
		String[] task = new String[1];
		// the grid renders its rows again when it turns to cards: look again until both
		// buttons of one unclaimed task are displayed inside the window
		new WebDriverWait(browser, Duration.ofSeconds(60)).ignoring(StaleElementReferenceException.class)
			.withMessage("an unclaimed task's Open and Claim inside the window on a " + device)
			.until(driver -> {
				List<WebElement> claims = displayed("vaadin-button[id^='claim-']");
				if (claims.isEmpty()) {
					return false;
				}
				String id = claims.get(0).getAttribute("id").substring("claim-".length());
				if (inViewport(browser.findElement(By.id("open-" + id)))
						&& inViewport(browser.findElement(By.id("claim-" + id)))) {
					task[0] = id;
					return true;
				}
				return false;
			});
		assertNoHorizontalOverflow("inbox");
		return task[0];
	}

	/** The inbox shows the task as a card: part number, product, stage, due, assignee. */
	private void cards(String task) {
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("card-" + task)));
		assertThat(browser.findElement(By.id("card-" + task)).getText()).contains(" · due ");
		assertNoHorizontalOverflow("inbox");
	}

	/** The task page within the window; {@code stacked}: the form above the evidence. */
	private void taskFits(String task, boolean stacked) {
		browser.get("http://localhost:" + port + "/tasks/" + task);
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("task-context")));
		WebElement sign = browser.findElement(By.id("sign"));
		WebElement context = browser.findElement(By.id("task-context"));
		Map<?, ?> signBox = box(sign);
		Map<?, ?> contextBox = box(context);
		if (stacked) {
			assertThat(number(signBox, "bottom")).as("the form, with its sign button, above the evidence")
				.isLessThanOrEqualTo(number(contextBox, "top"));
		}
		else {
			assertThat(number(signBox, "right")).as("the form beside the evidence")
				.isLessThanOrEqualTo(number(contextBox, "left"));
		}
		assertThat(number(contextBox, "right")).as("the evidence within the window")
			.isLessThanOrEqualTo(((Number) js("return window.innerWidth")).doubleValue());
		assertNoHorizontalOverflow("task page");
	}

	private void productPageFits() {
		browser.get("http://localhost:" + port + "/products/BRK-1001");
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("evidence-tabs")));
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("readiness-recommendation")));
		assertThat(inViewport(browser.findElement(By.id("product-heading")))).isTrue();
		assertNoHorizontalOverflow("product page");
	}

	private void assertNoHorizontalOverflow(String page) {
		Map<?, ?> widths = (Map<?, ?>) js(
				"return {scroll: document.documentElement.scrollWidth, inner: window.innerWidth}");
		assertThat(number(widths, "scroll")).as(page + ": nothing wider than the window " + widths)
			.isLessThanOrEqualTo(number(widths, "inner"));
	}

	private List<WebElement> displayed(String css) {
		return browser.findElements(By.cssSelector(css)).stream().filter(WebElement::isDisplayed).toList();
	}

	private boolean inViewport(WebElement element) {
		return (Boolean) js("const r = arguments[0].getBoundingClientRect();"
				+ "return r.width > 0 && r.height > 0 && r.left >= 0 && r.top >= 0"
				+ " && r.right <= window.innerWidth && r.bottom <= window.innerHeight;", element);
	}

	private Map<?, ?> box(WebElement element) {
		return (Map<?, ?>) js("const r = arguments[0].getBoundingClientRect();"
				+ "return {top: r.top, bottom: r.bottom, left: r.left, right: r.right};", element);
	}

	private static double number(Map<?, ?> values, String key) {
		return ((Number) values.get(key)).doubleValue();
	}

	private Object js(String script, Object... arguments) {
		return ((JavascriptExecutor) browser).executeScript(script, arguments);
	}

	/** A screenshot for the README: docs/screenshots/{@code name}. */
	private void keep(String name) throws Exception {
		Path target = Path.of("docs", "screenshots");
		Files.createDirectories(target);
		Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), target.resolve(name),
				StandardCopyOption.REPLACE_EXISTING);
	}

}
