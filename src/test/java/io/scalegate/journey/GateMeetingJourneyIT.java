package io.scalegate.journey;

import static io.scalegate.gate.ProductLifecycle.DESIGN_FREEZE_SIGN_OFF;
import static io.scalegate.gate.ProductLifecycle.DESIGN_FROZEN;
import static io.scalegate.gate.ProductLifecycle.SUPPLIER_APPROVED;
import static io.scalegate.gate.ProductLifecycle.SUPPLIER_QUALIFICATION;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.scalegate.condition.GateConditions;
import io.scalegate.document.Document;
import io.scalegate.document.DocumentKind;
import io.scalegate.document.Documents;
import io.scalegate.gate.ProductLifecycle;
import io.scalegate.gate.process.Lifecycles;
import io.scalegate.product.Product;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * A gate meeting run from ScaleGate in a real browser, with a real SMTP server in the
 * build (GreenMail): quality attaches an inspection report through the task's file picker
 * and signs, the gatekeeper decides Go with one condition owned by quality, quality
 * receives the mail for the condition, opens its link and closes it, and the product is
 * no longer conditional. Its own context: e-mail is on here.
 */
@TestPropertySource(properties = { "camunda.bpm.process-engine-name=gatemeeting", "camunda.bpm.webapp.enabled=false",
		"spring.datasource.url=jdbc:h2:mem:gate-meeting;DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=30000",
		"scalegate.notifications.send-every=2s", "scalegate.notifications.base-url=https://scalegate.plant.example" })
class GateMeetingJourneyIT extends BrowserJourney {

	static final int SMTP_PORT = freePort();

	@RegisterExtension
	static final GreenMailExtension SMTP = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"))
		.withPerMethodLifecycle(false);

	@DynamicPropertySource
	static void mailServer(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> SMTP_PORT);
	}

	static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

	@Autowired
	Lifecycles lifecycles;

	@Autowired
	TaskService tasks;

	@Autowired
	Documents documents;

	@Autowired
	GateConditions conditions;

	@Autowired
	JdbcClient jdbc;

	@Test
	void qualityFilesTheReportTheGatekeeperDecidesGoWithAConditionAndItsOwnerClosesItFromTheMail() throws Exception {
		jdbc.sql("update app_user set email = 'quality@plant.example' where username = 'quality'").update();
		Product product = lifecycles.aProductReadyForGate2(false);
		String partNumber = product.partNumber();
		lifecycles.passGate1(product);
		lifecycles.complete(product, DESIGN_FREEZE_SIGN_OFF, "engineer", Map.of(DESIGN_FROZEN.name(), true));
		lifecycles.complete(product, SUPPLIER_QUALIFICATION, "supplier", Map.of(SUPPLIER_APPROVED.name(), true));
		Task inspection = lifecycles.task(product, ProductLifecycle.INSPECTION_STANDARD_APPROVAL);

		// quality attaches the inspection report through the form's file picker and signs
		logIn("quality");
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("current-user")));
		browser.get("http://localhost:" + port + "/tasks/" + inspection.getId());
		wait.until(ExpectedConditions.presenceOfElementLocated(By.id("field-inspectionReport")));
		Path report = Files.createTempFile("inspection-report", ".pdf");
		Files.write(report, pdf());
		fileInput("field-inspectionReport").sendKeys(report.toAbsolutePath().toString());
		for (String field : List.of("inspectionStandardApproved", "materialConfirmed", "surfaceFinishConfirmed")) {
			browser.findElement(By.cssSelector("#field-" + field + " input")).click();
		}
		screenshot("gate-meeting-inspection.png");
		sign();
		wait.withTimeout(Duration.ofSeconds(180))
			.until(driver -> tasks.createTaskQuery().taskId(inspection.getId()).count() == 0);
		Document filed = documents.of(partNumber)
			.stream()
			.filter(document -> document.kind() == DocumentKind.INSPECTION_REPORT)
			.findFirst()
			.orElseThrow();
		assertThat(filed.mediaType()).isEqualTo("application/pdf");
		assertThat(filed.uploadedBy()).isEqualTo("quality");
		assertThat(documents.ofTask(partNumber, inspection.getId())).extracting(Document::id)
			.containsExactly(filed.id());

		// the gatekeeper decides Go with one condition, owned by quality
		Task review = lifecycles.task(product, ProductLifecycle.GATE_REVIEW);
		switchTo("gatekeeper");
		browser.get("http://localhost:" + port + "/tasks/" + review.getId());
		wait.until(ExpectedConditions.elementToBeClickable(By.id("field-gateDecision"))).click();
		wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
				"//vaadin-select-item[normalize-space(.)='Go with conditions: mass production, with conditions to close']")))
			.click();
		WebElement text = wait.until(ExpectedConditions
			.presenceOfElementLocated(By.cssSelector("#field-gateConditions-0-conditionText input")));
		text.sendKeys("Customer PPAP level 3 approval filed");
		browser.findElement(By.cssSelector("#field-gateConditions-0-conditionOwner input")).sendKeys("quality");
		LocalDate due = LocalDate.now().plusDays(14);
		WebElement date = browser.findElement(By.cssSelector("#field-gateConditions-0-conditionDue input"));
		date.sendKeys(due.format(DateTimeFormatter.ofPattern("M/d/yyyy")));
		date.sendKeys(Keys.ENTER);
		screenshot("gate-meeting-go-with-conditions.png");
		sign();
		Task condition = wait.withTimeout(Duration.ofSeconds(180))
			.until(driver -> tasks.createTaskQuery()
				.processInstanceBusinessKey(partNumber)
				.taskDefinitionKey(ProductLifecycle.CLOSE_GATE_CONDITION)
				.singleResult());
		assertThat(condition.getAssignee()).isEqualTo("quality");
		assertThat(conditions.conditional(partNumber)).isTrue();

		// the owner gets the mail for the condition and closes it from its link
		MimeMessage mail = mailTo("quality@plant.example", condition.getId());
		String body = GreenMailUtil.getBody(mail);
		Matcher link = Pattern.compile("https://scalegate\\.plant\\.example(/tasks/[A-Za-z0-9-]+)").matcher(body);
		assertThat(link.find()).as("a link to the condition's task in: %s", body).isTrue();
		switchTo("quality");
		browser.get("http://localhost:" + port + link.group(1));
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#field-closingNote textarea")))
			.sendKeys("Customer PPAP approval received on " + LocalDate.now() + " and filed.");
		screenshot("gate-meeting-close-condition.png");
		sign();
		wait.withTimeout(Duration.ofSeconds(180)).until(driver -> !conditions.conditional(partNumber));
		assertThat(tasks.createTaskQuery().taskId(condition.getId()).count()).isZero();
	}

	/**
	 * The hidden file input of a Vaadin upload, made visible for the browser's driver.
	 */
	private WebElement fileInput(String uploadId) {
		return (WebElement) ((JavascriptExecutor) browser).executeScript("""
				const upload = document.getElementById(arguments[0]);
				const input = upload.querySelector('input[type=file]')
				    || upload.shadowRoot.querySelector('input[type=file]');
				input.removeAttribute('hidden');
				input.style.display = 'block';
				return input;""", uploadId);
	}

	/**
	 * Signs with the demo password and waits (long: CI's two cores are busy) until the
	 * dialog closed, that is, the server completed the task.
	 */
	private void sign() {
		wait.until(ExpectedConditions.elementToBeClickable(By.id("sign"))).click();
		type("signature-password", "demo");
		wait.until(ExpectedConditions.elementToBeClickable(By.id("signature-confirm"))).click();
		wait.withTimeout(Duration.ofSeconds(180))
			.until(ExpectedConditions.invisibilityOfElementLocated(By.id("signature-confirm")));
	}

	private void switchTo(String username) {
		browser.manage().deleteAllCookies();
		logIn(username);
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("current-user")));
	}

	/**
	 * The mail to {@code address} that names the task, waited for (sent after commit).
	 */
	private MimeMessage mailTo(String address, String taskId) throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
		while (System.nanoTime() < deadline) {
			Optional<MimeMessage> found = Arrays.stream(SMTP.getReceivedMessages()).filter(message -> {
				try {
					return message.getAllRecipients()[0].toString().equals(address)
							&& GreenMailUtil.getBody(message).contains(taskId);
				}
				catch (Exception unreadable) {
					return false;
				}
			}).findFirst();
			if (found.isPresent()) {
				return found.get();
			}
			SMTP.waitForIncomingEmail(2_000, SMTP.getReceivedMessages().length + 1);
		}
		throw new AssertionError("no mail to " + address + " about task " + taskId + " among "
				+ SMTP.getReceivedMessages().length + " received");
	}

	/** A small real PDF (OpenPDF), so the content check sees a PDF. */
	private static byte[] pdf() {
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		com.lowagie.text.Document document = new com.lowagie.text.Document();
		com.lowagie.text.pdf.PdfWriter.getInstance(document, out);
		document.open();
		document.add(new com.lowagie.text.Paragraph("Inspection report: dimensions, finish, material all conform."));
		document.close();
		return out.toByteArray();
	}

}
