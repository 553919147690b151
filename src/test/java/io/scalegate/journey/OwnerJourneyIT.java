package io.scalegate.journey;

import static org.assertj.core.api.Assertions.assertThat;

import io.scalegate.audit.AuditQuery;
import io.scalegate.audit.AuditSearch;
import io.scalegate.base.AuditAction;
import io.scalegate.model.change.ModelChange.Status;
import io.scalegate.model.change.ModelChanges;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A process owner changes the demand CV threshold in the DMN editor, sees the decision
 * test cases fail for a loose threshold and pass for a careful one, submits; a second
 * owner signs and it is deployed.
 */
class OwnerJourneyIT extends BrowserJourney {

	@Autowired
	ModelChanges changes;

	@Autowired
	AuditSearch audit;

	@Test
	void anOwnerChangesTheDemandThresholdAndASecondOwnerApprovesIt() throws Exception {
		logIn("owner");
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("current-user")));
		browser.get("http://localhost:" + port + "/models");
		wait.until(ExpectedConditions
			.elementToBeClickable(By.xpath("//vaadin-grid-cell-content[normalize-space(.)='demandStability']")))
			.click();
		wait.until(ExpectedConditions.elementToBeClickable(By.id("edit-model"))).click();
		wait.until(ExpectedConditions.urlMatches(".*/models/changes/\\d+$"));
		long changeId = Long.parseLong(browser.getCurrentUrl().replaceAll(".*/", ""));
		wait.until(ExpectedConditions.attributeToBe(By.id("model-editor"), "data-ready", "true"));
		assertThat(inEditor(() -> browser.findElements(By.cssSelector(".bjs-powered-by")))).as("bpmn.io watermark")
			.isNotEmpty();

		browser.findElement(By.id("decision-view")).click();
		wait.until(ExpectedConditions
			.elementToBeClickable(By.xpath("//vaadin-select-item[normalize-space(.)='demandStability']"))).click();
		setCell("[0..0.25]", "[0..0.35]");
		browser.findElement(By.id("check-change")).click();
		wait.until(
				ExpectedConditions.textToBePresentInElementLocated(By.id("check-verdict"), "decision test cases fail"));
		assertThat(browser.findElement(By.id("case-results")).getText()).contains("CV 0.28 is moderate, not stable");
		scrollTo("#check-report");
		screenshot("decision-cases.png");

		setCell("[0..0.35]", "[0..0.27]");
		browser.findElement(By.id("check-change")).click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("check-verdict"), "Ready to deploy"));
		assertThat(browser.findElement(By.id("check-summary")).getText()).contains("'[0..0.25]' → '[0..0.27]'");
		scrollTo("h2");
		screenshot("dmn-editor.png");
		browser.findElement(By.id("submit-change")).click();
		wait.until(ExpectedConditions.textToBe(By.id("change-status"), "submitted"));
		browser.findElement(By.id("logout")).click();
		wait.until(ExpectedConditions.urlContains("/login"));

		logIn("owner2");
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("current-user")));
		browser.get("http://localhost:" + port + "/models/changes/" + changeId);
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("check-verdict"), "Ready to deploy"));
		wait.until(ExpectedConditions.elementToBeClickable(By.id("approve-change"))).click();
		type("approval-password", "demo");
		browser.findElement(By.id("approval-sign")).click();
		wait.until(ExpectedConditions.textToBe(By.id("change-status"), "deployed"));

		assertThat(changes.get(changeId).status()).isEqualTo(Status.DEPLOYED);

		// the approval deployed a new lifecycle version too: the running products can be
		// moved to it
		browser.get("http://localhost:" + port + "/models/migration");
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("migration-verdict"), "The plan is valid"));
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("migration-products"), "HTS-1210"));
		screenshot("migration.png");
		browser.findElement(By.id("logout")).click();
		wait.until(ExpectedConditions.urlContains("/login"));

		logIn("auditor");
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("current-user")));
		browser.get("http://localhost:" + port + "/audit");
		wait.until(ExpectedConditions.elementToBeClickable(By.id("show-model-deployed"))).click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("audit-entries"), "owner2"));
		browser.get("http://localhost:" + port + "/models/changes/" + changeId);
		wait.until(ExpectedConditions.textToBe(By.id("change-status"), "deployed"));
		assertThat(browser.findElements(By.id("approve-change"))).isEmpty();
		assertThat(browser.findElements(By.id("save-draft"))).isEmpty();
		assertThat(browser.findElement(By.id("check-summary")).getText()).contains("'[0..0.25]' → '[0..0.27]'");
		screenshot("change-deployed.png");
		assertThat(audit.page(new AuditQuery("owner2", Set.of(AuditAction.MODEL_DEPLOYED), null,
				changes.get(changeId).deploymentId(), null, null, null), 0, 1))
			.singleElement()
			.satisfies(entry -> assertThat(entry.details()).contains("[0..0.27]", "\"author\":\"owner\""));
	}

	@Test
	void theLifecycleOpensInTheBpmnModelerAndAFormInTheFormEditor() throws Exception {
		logIn("owner");
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("current-user")));
		for (String file : new String[] { "bpmn/product-lifecycle.bpmn", "forms/gate-review.form" }) {
			long id = changes.open(changes.latest().getId(), file, "owner").id();
			browser.get("http://localhost:" + port + "/models/changes/" + id);
			wait.until(ExpectedConditions.attributeToBe(By.id("model-editor"), "data-ready", "true"));
			assertThat(browser.findElement(By.id("model-editor")).getAttribute("data-error")).as(file).isNull();
			assertThat(inEditor(() -> browser.findElements(By.cssSelector(".bjs-powered-by, .fjs-powered-by"))))
				.as(file + ": bpmn.io watermark")
				.isNotEmpty();
			browser.findElement(By.id("check-change")).click();
			wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("check-verdict"), "Ready to deploy"));
			// opened and saved unchanged: at most the editor's own layout and formatting
			// differ
			assertThat(browser.findElement(By.id("check-summary")).getText().strip()).as(file)
				.matches("no change|formatting only.*|layout changed.*");
			screenshot("editor-" + file.replaceAll(".*/", "") + ".png");
		}
	}

	/**
	 * Scrolls the view's content (AppLayout scrolls its content area, not the window) to
	 * an element.
	 */
	private void scrollTo(String selector) {
		((org.openqa.selenium.JavascriptExecutor) browser)
			.executeScript("document.querySelector(arguments[0]).scrollIntoView()", selector);
	}

	/**
	 * Replaces the text of the decision table cell that reads {@code from} as a person
	 * would: clicks it, goes to the end, deletes what is there key by key and types the
	 * new text with real key strokes.
	 */
	private void setCell(String from, String to) {
		scrollTo("#model-editor");
		inEditor(() -> {
			WebElement cell = wait.until(ExpectedConditions.elementToBeClickable(
					By.xpath("//td[contains(@class,'input-cell')]//*[@contenteditable='true' and normalize-space(.)='"
							+ from + "']")));
			cell.click();
			// the keyboard, as a person types: to the end, delete the old text, type the
			// new
			new Actions(browser).sendKeys(Keys.END)
				.sendKeys(Keys.BACK_SPACE.toString().repeat(from.length()))
				.sendKeys(to)
				.perform();
			assertThat(browser.switchTo().activeElement().getText()).as("the cell as typed").isEqualTo(to);
			return cell;
		});
		// leave the cell, as a person would, so dmn-js commits the edit
		scrollTo("h2");
		browser.findElement(By.tagName("h2")).click();
		inEditor(() -> wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), to)));
	}

	/**
	 * Runs {@code inside} in the editor's own document (an iframe in
	 * {@code #model-editor}).
	 */
	private <T> T inEditor(java.util.function.Supplier<T> inside) {
		browser.switchTo().frame(browser.findElement(By.cssSelector("#model-editor iframe")));
		try {
			return inside.get();
		}
		finally {
			browser.switchTo().defaultContent();
		}
	}

}
