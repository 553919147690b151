package io.scalegate.gate.feel;

import java.util.List;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.dmn.feel.impl.scala.function.FeelCustomFunctionProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Camunda's FEEL engine factory with parsed expressions kept ({@link CachedFeelEngine}):
 * one for ScaleGate's DMN engines, the process engine's
 * ({@link FeelExpressionCachePlugin}) and the standalone ones that evaluate without
 * history (readiness, what-if, decision test cases). Each engine it makes keeps at most
 * {@code scalegate.feel.cache-size} expressions and as many unary tests, so that uploaded
 * drafts cannot grow memory without bound. docs/adr/0017.
 */
@Component
public class CachedFeelEngineFactory extends ScalaFeelEngineFactory {

	public static final int DEFAULT_CACHE_SIZE = 10_000;

	private final int cacheSize;

	@Autowired
	public CachedFeelEngineFactory(@Value("${scalegate.feel.cache-size:" + DEFAULT_CACHE_SIZE + "}") int cacheSize) {
		this(cacheSize, null);
	}

	public CachedFeelEngineFactory(int cacheSize, List<FeelCustomFunctionProvider> customFunctionProviders) {
		super(customFunctionProviders);
		if (cacheSize < 0) {
			throw new IllegalArgumentException("scalegate.feel.cache-size must be 0 or more, not " + cacheSize);
		}
		this.cacheSize = cacheSize;
	}

	@Override
	public FeelEngine createInstance() {
		return new CachedFeelEngine(customFunctionProviders, cacheSize);
	}

	public int cacheSize() {
		return cacheSize;
	}

	/** Camunda's default DMN engine configuration with this factory's FEEL engine. */
	public DmnEngineConfiguration dmnEngineConfiguration() {
		return ((DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration())
			.feelEngineFactory(this);
	}

}
