package io.scalegate;

import io.scalegate.gate.TestDocumentsOnFile;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * One Spring context for every integration test (the same annotation means the same
 * cached context): a real server on a random port, the job executor off so tests drive
 * timers themselves, no hourly sign-in summary (tests call {@code SignInSummary}
 * themselves), documents on file from {@link TestDocumentsOnFile}, and metrics exported
 * as in production (Spring Boot's tests leave out /actuator/prometheus otherwise). The
 * database is H2 unless the profile {@code postgresql-test} is active (Failsafe's second
 * run).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "camunda.bpm.job-execution.enabled=false", "vaadin.launch-browser=false",
				"vaadin.devmode.devTools.enabled=false", "scalegate.security.sign-in.summary-cron=-",
				"scalegate.audit.key-id=test", "scalegate.audit.key=" + ScaleGateTest.AUDIT_KEY })
@Import({ PostgresTestDatabase.class, TestDocumentsOnFile.Fixture.class })
@AutoConfigureObservability(tracing = false)
public @interface ScaleGateTest {

	/**
	 * The audit trail's key in tests (base64 of 35 bytes), so that a trail on a database
	 * that outlives a run still verifies.
	 */
	String AUDIT_KEY = "c2NhbGVnYXRlLXRlc3QtYXVkaXQta2V5LTAxMjM0NTY3ODk=";

}
