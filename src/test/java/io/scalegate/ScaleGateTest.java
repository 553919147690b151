package io.scalegate;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * One Spring context for every integration test (the same annotation means the same
 * cached context): a real server on a random port, the job executor off so tests drive
 * timers themselves, and no hourly sign-in summary (tests call {@code SignInSummary}
 * themselves). The database is H2 unless the profile {@code postgresql-test} is active
 * (Failsafe's second run).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "camunda.bpm.job-execution.enabled=false", "vaadin.launch-browser=false",
				"vaadin.devmode.devTools.enabled=false", "scalegate.security.sign-in.summary-cron=-" })
@Import(PostgresTestDatabase.class)
public @interface ScaleGateTest {

}
