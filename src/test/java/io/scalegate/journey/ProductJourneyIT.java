package io.scalegate.journey;

import static org.assertj.core.api.Assertions.assertThat;

import io.scalegate.evidence.EvidenceKind;
import io.scalegate.evidence.EvidenceRows;
import io.scalegate.gate.process.Lifecycles;
import io.scalegate.product.Product;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A quality engineer records a month of demand on a product page and watches the
 * readiness panel.
 */
class ProductJourneyIT extends BrowserJourney {

	@Autowired
	Lifecycles lifecycles;

	@Autowired
	EvidenceRows recorded;

	@Test
	void aQualityEngineerRecordsAnOrderAndTheReadinessPanelFollows() throws Exception {
		Product product = lifecycles.aProduct(false);

		logIn("quality");
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("current-user")));
		browser.get("http://localhost:" + port + "/products/" + product.partNumber());
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("product-heading"), product.partNumber()));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("signal-DEMAND_STABLE")));
		assertThat(browser.findElement(By.id("signal-DEMAND_STABLE")).getAttribute("data-met")).isEqualTo("false");

		browser.findElement(By.id("tab-order")).click();
		wait.until(ExpectedConditions.elementToBeClickable(By.id("add-order"))).click();
		WebElement month = wait
			.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#field-orderMonth input")));
		month.sendKeys(LocalDate.now().minusMonths(1).withDayOfMonth(1).toString(), Keys.TAB);
		browser.findElement(By.cssSelector("#field-quantity input")).sendKeys("1200", Keys.TAB);
		browser.findElement(By.cssSelector("#field-customer input")).sendKeys("Kestrel Pumps", Keys.TAB);
		browser.findElement(By.id("save-evidence")).click();

		wait.until(driver -> recorded.of(EvidenceKind.ORDER, product.id()).size() == 1);
		wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("evidence-dialog")));
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("what-if-demandMonths"), ""));
		assertThat(browser.findElement(By.id("what-if-demandMonths")).getAttribute("value")).isEqualTo("1");
		assertThat(browser.findElement(By.id("demand-chart")).getText()).contains("mean 1,200");

		// a demo product with a year of evidence, for the README
		browser.get("http://localhost:" + port + "/products/HTS-1210");
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("signal-TOOLING_PAYS")));
		browser.findElement(By.id("tab-order")).click();
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("demand-chart")));
		screenshot("product.png");
	}

}
