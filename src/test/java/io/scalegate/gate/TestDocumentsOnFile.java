package io.scalegate.gate;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The documents on file in tests (shared by every {@code @ScaleGateTest}), in place of
 * the document feature: a product has every document kind on file, so every checklist is
 * complete and the tests written before the checklist keep meaning what they meant,
 * unless a test files the kinds of its own product ({@link #file}).
 */
public class TestDocumentsOnFile implements DocumentsOnFile {

	private static final Set<String> EVERY_KIND = Set.copyOf(ProductLifecycle.DOCUMENT_KINDS);

	private final Map<String, Set<String>> filed = new ConcurrentHashMap<>();

	@Override
	public Set<String> kindsOnFile(String partNumber) {
		return filed.getOrDefault(partNumber, EVERY_KIND);
	}

	/** From now on the product has exactly these kinds on file (none: no document). */
	public void file(String partNumber, String... kinds) {
		filed.put(partNumber, Set.of(kinds));
	}

	/** The product has every kind on file again. */
	public void reset(String partNumber) {
		filed.remove(partNumber);
	}

	/** The bean, imported by {@code ScaleGateTest}. */
	@TestConfiguration(proxyBeanMethods = false)
	public static class Fixture {

		@Bean
		@Primary
		TestDocumentsOnFile testDocumentsOnFile() {
			return new TestDocumentsOnFile();
		}

	}

}
