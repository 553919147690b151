package io.scalegate.notification;

import static io.scalegate.gate.ProductLifecycle.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import io.scalegate.PostgresTestDatabase;
import io.scalegate.ScaleGateTest;
import io.scalegate.base.Sha256;
import io.scalegate.gate.process.Lifecycles;
import io.scalegate.model.change.HarmlessChanges;
import io.scalegate.model.change.ModelChange;
import io.scalegate.model.change.ModelChanges;
import io.scalegate.product.Product;
import io.scalegate.product.ProductRegistration;
import io.scalegate.product.ProductService;
import io.scalegate.security.Role;
import io.scalegate.security.UserAccounts;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Notifications against a real SMTP server (GreenMail on a free port, docs/adr/0021): a
 * task for my group, overdue, a gate decided for the product's owner, a model change for
 * its approvers but not its author, the daily digest, a kind switched off, a retry after
 * the server failed, and that neither a failing server nor a rolled back transaction
 * touches the work that caused (or did not cause) a notification. The jobs are called
 * here (jobs-enabled=false); "now" is a clock the tests move. Its own context: e-mail is
 * on here, on its own H2 database and engine name.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"camunda.bpm.job-execution.enabled=false", "camunda.bpm.process-engine-name=notifymail",
		"camunda.bpm.webapp.enabled=false", "vaadin.launch-browser=false", "vaadin.devmode.devTools.enabled=false",
		"scalegate.security.sign-in.summary-cron=-", "scalegate.audit.key-id=test",
		"scalegate.audit.key=" + ScaleGateTest.AUDIT_KEY,
		"spring.datasource.url=jdbc:h2:mem:notify-mail;DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=30000",
		"scalegate.notifications.jobs-enabled=false", "scalegate.notifications.from=scalegate@plant.example",
		"scalegate.notifications.base-url=https://scalegate.plant.example/" })
@Import({ PostgresTestDatabase.class, NotificationMailTest.MovableClockConfiguration.class,
		io.scalegate.gate.TestDocumentsOnFile.Fixture.class })
class NotificationMailTest {

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

	@TestConfiguration(proxyBeanMethods = false)
	static class MovableClockConfiguration {

		@Bean
		@Primary
		MovableClock movableClock() {
			return new MovableClock();
		}

	}

	/** The application's clock, moved by the tests. */
	static class MovableClock extends Clock {

		private Duration ahead = Duration.ZERO;

		void move(Duration by) {
			ahead = ahead.plus(by);
		}

		void reset() {
			ahead = Duration.ZERO;
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return Instant.now().plus(ahead);
		}

	}

	@Autowired
	Lifecycles lifecycles;

	@Autowired
	ProductService products;

	@Autowired
	UserAccounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TaskService tasks;

	@Autowired
	NotificationMailer mailer;

	@Autowired
	DigestMailer digest;

	@Autowired
	DueDateScan scan;

	@Autowired
	Notifications notifications;

	@Autowired
	NotificationPreferences preferences;

	@Autowired
	ModelChanges changes;

	@Autowired
	MovableClock clock;

	@Autowired
	PlatformTransactionManager transactions;

	@BeforeEach
	void emptyMailboxes() throws Exception {
		if (!SMTP.isRunning()) {
			SMTP.start();
		}
		// what earlier tests (and the demo data) left waiting is not this test's
		jdbc.sql("update notification set email_status = 'SENT' where email_status in ('PENDING', 'SENDING')").update();
		SMTP.purgeEmailFromAllMailboxes();
	}

	@AfterEach
	void resetClock() {
		clock.reset();
		if (!SMTP.isRunning()) {
			SMTP.start();
		}
	}

	String aUser(Role... roles) {
		String username = "n-" + UUID.randomUUID().toString().substring(0, 8);
		accounts.save(username, "Test " + username, "demo", EnumSet.of(roles[0], roles));
		withEmail(username);
		return username;
	}

	void withEmail(String username) {
		jdbc.sql("update app_user set email = ? where username = ?").params(address(username), username).update();
	}

	static String address(String username) {
		return username + "@plant.example";
	}

	List<MimeMessage> mailsTo(String username) throws Exception {
		return Arrays.stream(SMTP.getReceivedMessages()).filter(message -> {
			try {
				return Arrays.stream(message.getAllRecipients()).anyMatch(a -> a.toString().equals(address(username)));
			}
			catch (Exception e) {
				throw new IllegalStateException(e);
			}
		}).toList();
	}

	List<MimeMessage> mailsTo(String username, String subjectPart) throws Exception {
		return mailsTo(username).stream().filter(message -> {
			try {
				return message.getSubject().contains(subjectPart);
			}
			catch (Exception e) {
				throw new IllegalStateException(e);
			}
		}).toList();
	}

	/** The plain-text part, decoded. */
	static String text(Part part) throws Exception {
		if (part.isMimeType("text/plain")) {
			return (String) part.getContent();
		}
		if (part.getContent() instanceof Multipart multipart) {
			StringBuilder text = new StringBuilder();
			for (int i = 0; i < multipart.getCount(); i++) {
				text.append(text(multipart.getBodyPart(i)));
			}
			return text.toString();
		}
		return "";
	}

	static String html(Part part) throws Exception {
		if (part.isMimeType("text/html")) {
			return (String) part.getContent();
		}
		if (part.getContent() instanceof Multipart multipart) {
			StringBuilder html = new StringBuilder();
			for (int i = 0; i < multipart.getCount(); i++) {
				html.append(html(multipart.getBodyPart(i)));
			}
			return html.toString();
		}
		return "";
	}

	Map<String, Object> row(String recipient, String partNumber, NotificationKind kind) {
		return caseInsensitive(jdbc.sql("""
				select email_channel, email_status, attempts, last_error, read_at from notification
				where recipient = ? and part_number = ? and kind = ?""")
			.params(recipient, partNumber, kind.name())
			.query()
			.singleRow());
	}

	/** Column names as H2 (upper case) and PostgreSQL (lower case) give them. */
	static Map<String, Object> caseInsensitive(Map<String, Object> row) {
		Map<String, Object> columns = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		columns.putAll(row);
		return columns;
	}

	@Test
	void aTaskForMyGroupIsMailedWithItsProductAndLink() throws Exception {
		String engineer = aUser(Role.ENGINEER);
		String quality = aUser(Role.QUALITY);
		Product product = lifecycles.aProduct(false);
		String taskId = lifecycles.task(product, PROTOTYPE_REVIEW).getId();

		assertThat(mailer.sendDue()).isPositive();

		assertThat(mailsTo(engineer, product.partNumber())).singleElement().satisfies(mail -> {
			assertThat(mail.getSubject())
				.isEqualTo("[ScaleGate] Task: Review prototype (Gate 1) · " + product.partNumber());
			assertThat(mail.getFrom()[0].toString()).isEqualTo("scalegate@plant.example");
			assertThat(text(mail)).contains("waits for your group Engineer")
				.contains("https://scalegate.plant.example/tasks/" + taskId);
		});
		assertThat(mailsTo(quality, product.partNumber())).as("not quality's task").isEmpty();
		assertThat(row(engineer, product.partNumber(), NotificationKind.TASK_FOR_ME))
			.containsEntry("EMAIL_STATUS", "SENT")
			.containsEntry("ATTEMPTS", 1);
		assertThat(mailer.sendDue()).as("each mail once").isZero();
	}

	@Test
	void anOverdueTaskIsMailedOnceWhateverHowOftenTheScanRuns() throws Exception {
		String engineer = aUser(Role.ENGINEER);
		Product product = lifecycles.aProduct(false);
		String taskId = lifecycles.task(product, PROTOTYPE_REVIEW).getId();
		mailer.sendDue();
		SMTP.purgeEmailFromAllMailboxes();

		clock.move(Duration.ofDays(11));
		scan.scan();
		scan.scan();
		mailer.sendDue();

		assertThat(mailsTo(engineer, "Overdue: Review prototype (Gate 1) · " + product.partNumber())).singleElement()
			.satisfies(mail -> assertThat(text(mail)).contains("was due")
				.contains("https://scalegate.plant.example/tasks/" + taskId));
		assertThat(jdbc.sql("select count(*) from notification where task_id = ? and recipient = ? and kind = ?")
			.params(taskId, engineer, NotificationKind.TASK_OVERDUE.name())
			.query(Long.class)
			.single()).isOne();
	}

	@Test
	void aTaskDueSoonGoesIntoTheDigestByDefault() throws Exception {
		String engineer = aUser(Role.ENGINEER);
		Product product = lifecycles.aProduct(false);
		clock.move(Duration.ofDays(9));

		scan.scan();

		assertThat(row(engineer, product.partNumber(), NotificationKind.TASK_DUE_SOON))
			.containsEntry("EMAIL_CHANNEL", "DIGEST")
			.containsEntry("EMAIL_STATUS", "PENDING");
	}

	@Test
	void aGateDecidedIsMailedToTheProductsOwner() throws Exception {
		String owner = aUser(Role.ENGINEER);
		Product product = lifecycles.aProductReadyForGate2(false);
		jdbc.sql("update product set owner = ? where part_number = ?").params(owner, product.partNumber()).update();
		lifecycles.passGate1(product);
		lifecycles.signAllReadiness(product);
		Map<String, Object> values = new HashMap<>();
		values.put(GATE_DECISION.name(), "GO_MASS_PRODUCTION");
		lifecycles.sign(product, GATE_REVIEW, "gatekeeper", values);

		mailer.sendDue();

		assertThat(mailsTo(owner, "Gate decided")).singleElement().satisfies(mail -> {
			assertThat(mail.getSubject())
				.startsWith("[ScaleGate] Gate decided: Go: mass production · " + product.partNumber());
			assertThat(text(mail)).contains("gatekeeper decided \"Go: mass production\"")
				.contains("https://scalegate.plant.example/products/" + product.partNumber() + "/history");
		});
	}

	@Test
	void aModelChangeWaitingForApprovalIsMailedToTheApproversButNotItsAuthor() throws Exception {
		String author = aUser(Role.PROCESS_OWNER);
		String approver = aUser(Role.PROCESS_OWNER);
		String engineer = aUser(Role.ENGINEER);
		ModelChange opened = changes.open(changes.latest().getId(), "bpmn/mass-production-gate.dmn", author);
		changes.save(opened.id(), HarmlessChanges.reviewed(opened.content()), author);
		changes.submit(opened.id(), author);

		mailer.sendDue();

		assertThat(mailsTo(approver, "Model change #" + opened.id())).singleElement().satisfies(mail -> {
			assertThat(mail.getSubject()).contains("waits for your approval", "mass-production-gate.dmn");
			assertThat(text(mail)).contains(author + " submitted change #" + opened.id())
				.contains("https://scalegate.plant.example/models/changes/" + opened.id());
		});
		assertThat(mailsTo(author)).as("the author cannot approve their own change").isEmpty();
		assertThat(mailsTo(engineer)).isEmpty();
		changes.reject(opened.id(), author, "only a test");
	}

	@Test
	void theDailyDigestSendsEachPersonOneMailWithEverythingWaiting() throws Exception {
		String engineer = aUser(Role.ENGINEER);
		preferences.save(engineer, Map.of(NotificationKind.TASK_FOR_ME, Delivery.DAILY_DIGEST), engineer);
		Product first = lifecycles.aProduct(false);
		Product second = lifecycles.aProduct(false);
		mailer.sendDue();
		assertThat(mailsTo(engineer)).as("not immediately").isEmpty();

		digest.sendDigests();

		assertThat(mailsTo(engineer)).singleElement().satisfies(mail -> {
			assertThat(mail.getSubject()).startsWith("[ScaleGate] Daily digest: 2 notifications");
			assertThat(text(mail)).contains(first.partNumber(), second.partNumber(),
					"https://scalegate.plant.example/tasks/" + lifecycles.task(first, PROTOTYPE_REVIEW).getId(),
					"https://scalegate.plant.example/tasks/" + lifecycles.task(second, PROTOTYPE_REVIEW).getId());
		});
		assertThat(row(engineer, first.partNumber(), NotificationKind.TASK_FOR_ME)).containsEntry("EMAIL_STATUS",
				"SENT");
		digest.sendDigests();
		assertThat(mailsTo(engineer)).as("marked: not sent again").hasSize(1);
	}

	@Test
	void aKindSwitchedOffIsNotMailedButShownInTheApp() throws Exception {
		String engineer = aUser(Role.ENGINEER);
		preferences.save(engineer, Map.of(NotificationKind.TASK_FOR_ME, Delivery.NONE), engineer);
		Product product = lifecycles.aProduct(false);

		mailer.sendDue();
		digest.sendDigests();

		assertThat(mailsTo(engineer)).isEmpty();
		assertThat(notifications.of(engineer, 10)).singleElement().satisfies(notification -> {
			assertThat(notification.kind()).isEqualTo(NotificationKind.TASK_FOR_ME);
			assertThat(notification.partNumber()).isEqualTo(product.partNumber());
			assertThat(notification.unread()).isTrue();
		});
		assertThat(notifications.unread(engineer)).isOne();
	}

	@Test
	void aPersonWithoutAnAddressIsToldInTheAppOnly() throws Exception {
		String engineer = aUser(Role.ENGINEER);
		jdbc.sql("update app_user set email = null where username = ?").param(engineer).update();
		Product product = lifecycles.aProduct(false);

		assertThat(row(engineer, product.partNumber(), NotificationKind.TASK_FOR_ME)).containsEntry("EMAIL_CHANNEL",
				"NONE");
	}

	@Test
	void aFailingMailServerLeavesTheTaskCompletedAndTheMailIsTriedAgainLater() throws Exception {
		String engineer = aUser(Role.ENGINEER);
		Product product = lifecycles.aProduct(false);
		mailer.sendDue();
		SMTP.stop();

		lifecycles.passGate1(product);
		assertThat(lifecycles.task(product, PROTOTYPE_REVIEW)).as("the completion stands").isNull();
		String next = lifecycles.task(product, DESIGN_FREEZE_SIGN_OFF).getId();
		assertThat(mailer.sendDue()).isZero();

		assertThat(caseInsensitive(jdbc.sql("""
				select attempts, email_status, last_error from notification
				where recipient = ? and task_id = ?""").params(engineer, next).query().singleRow()))
			.containsEntry("ATTEMPTS", 1)
			.containsEntry("EMAIL_STATUS", "PENDING")
			.hasEntrySatisfying("LAST_ERROR", error -> assertThat((String) error).contains("MailSendException"));

		SMTP.start();
		assertThat(mailsTo(engineer)).isEmpty();
		mailer.sendDue();
		assertThat(mailsTo(engineer)).as("not before the backoff").isEmpty();
		clock.move(Duration.ofMinutes(2));
		mailer.sendDue();
		assertThat(mailsTo(engineer, "Sign off design freeze · " + product.partNumber())).hasSize(1);
		assertThat(jdbc.sql("select attempts from notification where recipient = ? and task_id = ?")
			.params(engineer, next)
			.query(Integer.class)
			.single()).isEqualTo(2);
	}

	@Test
	void aRolledBackTransactionTellsNobody() {
		String engineer = aUser(Role.ENGINEER);
		String partNumber = "RB-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		new TransactionTemplate(transactions).executeWithoutResult(status -> {
			products.register(
					new ProductRegistration(partNumber, "Rolled back", "Test customer", "A", "engineer", true, false),
					"engineer");
			assertThat(tasks.createTaskQuery().processInstanceBusinessKey(partNumber).count())
				.as("the task exists inside the transaction")
				.isOne();
			status.setRollbackOnly();
		});

		assertThat(jdbc.sql("select count(*) from notification where part_number = ?")
			.param(partNumber)
			.query(Long.class)
			.single()).isZero();
		assertThat(notifications.of(engineer, 10)).isEmpty();
	}

	@Test
	void userTextIsEscapedInTheHtmlMail() throws Exception {
		String engineer = aUser(Role.ENGINEER);
		notifications.record(new NotificationRequest(engineer, NotificationKind.MENTION, "Mentioned by quality",
				"<script>alert(1)</script> look at this", "/products/X-1", "X-1", null,
				"mention:test:" + Sha256.hex(engineer)));

		mailer.sendDue();

		assertThat(mailsTo(engineer)).singleElement().satisfies(mail -> {
			assertThat(html(mail)).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>");
			assertThat(text(mail)).contains("<script>alert(1)</script> look at this",
					"https://scalegate.plant.example/products/X-1");
		});
	}

}
