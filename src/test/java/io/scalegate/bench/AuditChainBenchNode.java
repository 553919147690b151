package io.scalegate.bench;

import io.scalegate.ScaleGateApplication;
import io.scalegate.security.ApiTokens;
import io.scalegate.security.IssuedToken;
import io.scalegate.security.Role;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Bench-only launcher of one ScaleGate node (not a production switch; excluded from the
 * build like every class here): the application as it is, or with {@code --without-trail}
 * without the listener that writes the audit trail ({@code AuditRecorder}'s bean
 * definition removed before the context starts), for the issue 17 comparison "the same
 * work without the audit trail". With {@code --token-file=PATH} it issues an ENGINEER API
 * token through {@link ApiTokens} (what the API tokens view calls) once started and
 * writes its secret there (and an AUDITOR token's, to verify the chain afterwards, in
 * PATH.auditor). Configured like the jar (SPRING_PROFILES_ACTIVE=prod, SCALEGATE_DB_URL,
 * PORT, ...). See docs/benchmarks.md, "The audit chain off the write path".
 */
public final class AuditChainBenchNode {

	private static final String RECORDER = "io.scalegate.audit.AuditRecorder";

	private AuditChainBenchNode() {
	}

	public static void main(String[] args) throws IOException {
		boolean withoutTrail = false;
		Path tokenFile = null;
		for (String arg : args) {
			if (arg.equals("--without-trail")) {
				withoutTrail = true;
			}
			else if (arg.startsWith("--token-file=")) {
				tokenFile = Path.of(arg.substring("--token-file=".length()));
			}
		}
		SpringApplication application = new SpringApplication(ScaleGateApplication.class);
		if (withoutTrail) {
			application.addInitializers(context -> context.addBeanFactoryPostProcessor(new WithoutRecorder()));
		}
		ConfigurableApplicationContext context = application.run();
		if (tokenFile != null) {
			ApiTokens tokens = context.getBean(ApiTokens.class);
			String name = "bench-" + System.currentTimeMillis();
			IssuedToken auditor = tokens.issue(name + "-auditor", Role.AUDITOR, "admin");
			Files.writeString(Path.of(tokenFile + ".auditor"), auditor.secret());
			Files.writeString(tokenFile, tokens.issue(name, Role.ENGINEER, "admin").secret());
		}
		System.out.println("bench node up, audit trail " + (withoutTrail ? "OFF" : "on"));
	}

	/**
	 * Removes the trail's writer: the change is made, no entry is appended. A factory
	 * post-processor, so that it runs after component scanning registered the bean.
	 */
	private static final class WithoutRecorder implements BeanFactoryPostProcessor {

		@Override
		public void postProcessBeanFactory(ConfigurableListableBeanFactory factory) {
			BeanDefinitionRegistry registry = (BeanDefinitionRegistry) factory;
			for (String name : registry.getBeanDefinitionNames()) {
				if (RECORDER.equals(registry.getBeanDefinition(name).getBeanClassName())) {
					registry.removeBeanDefinition(name);
					System.out.println("bench: removed bean " + name);
				}
			}
		}

	}

}
