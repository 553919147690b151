package io.scalegate.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.autoconfigure.task.TaskSchedulingAutoConfiguration;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The views' background work (CSV import and export) runs on Spring Boot's
 * {@code applicationTaskExecutor}. Boot leaves it out by default as soon as another
 * Executor exists: in the running application Camunda's job executor and the scheduler of
 * the cleanups, and then the audit trail view could not be built ("expected single
 * matching bean but found 2"). The tests' shared context runs without the job executor,
 * so this checks the same wiring with application.yaml's settings and a stand-in for it.
 */
class TaskExecutionTest {

	@Configuration(proxyBeanMethods = false)
	@EnableScheduling
	static class JobExecutorAndScheduling {

		@Bean(destroyMethod = "shutdown")
		java.util.concurrent.ExecutorService camundaTaskExecutor() {
			return Executors.newSingleThreadExecutor();
		}

	}

	@Test
	void theApplicationTaskExecutorExistsBesideTheJobExecutorAndTheScheduler() throws Exception {
		PropertySource<?> yaml = new YamlPropertySourceLoader()
			.load("application.yaml", new ClassPathResource("application.yaml"))
			.get(0);
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(TaskExecutionAutoConfiguration.class, TaskSchedulingAutoConfiguration.class))
			.withUserConfiguration(JobExecutorAndScheduling.class)
			.withPropertyValues("spring.task.execution.mode=" + yaml.getProperty("spring.task.execution.mode"))
			.run(context -> assertThat(context.getBeanNamesForType(Executor.class)).contains("applicationTaskExecutor",
					"camundaTaskExecutor", "taskScheduler"));
	}

}
