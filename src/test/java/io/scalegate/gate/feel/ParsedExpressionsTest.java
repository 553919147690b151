package io.scalegate.gate.feel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import camundajar.impl.scala.util.Either;
import camundajar.impl.scala.util.Left;
import camundajar.impl.scala.util.Right;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.FeelException;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.feel.FeelEngine.Failure;
import org.camunda.feel.syntaxtree.ParsedExpression;
import org.junit.jupiter.api.Test;

/**
 * The cache of parsed FEEL texts: bounded, failures not kept, safe from several threads.
 */
@SuppressWarnings("deprecation")
class ParsedExpressionsTest {

	final org.camunda.feel.FeelEngine feel = new org.camunda.feel.FeelEngine.Builder().build();

	final List<String> parsedTexts = new ArrayList<>();

	Either<Failure, ParsedExpression> parse(String text) {
		parsedTexts.add(text);
		return feel.parseExpression(text);
	}

	@Test
	void keepsTheLeastRecentlyUsedOutBeyondItsSize() {
		ParsedExpressions cache = new ParsedExpressions(3, this::parse);
		Either<Failure, ParsedExpression> one = cache.parse("1");
		cache.parse("2");
		cache.parse("3");
		assertThat(cache.parse("1")).isSameAs(one); // used again: now the most recent
		cache.parse("4"); // "2" goes
		assertThat(cache.size()).isEqualTo(3);
		cache.parse("1");
		cache.parse("3");
		cache.parse("4");
		assertThat(parsedTexts).containsExactly("1", "2", "3", "4");
		cache.parse("2");
		assertThat(parsedTexts).containsExactly("1", "2", "3", "4", "2");
		for (int i = 0; i < 1000; i++) {
			cache.parse("x + " + i);
		}
		assertThat(cache.size()).isEqualTo(3);
	}

	@Test
	void aFailedParseIsNotKeptAndFailsAgainAlike() {
		ParsedExpressions cache = new ParsedExpressions(10, this::parse);
		Either<Failure, ParsedExpression> first = cache.parse("a +");
		Either<Failure, ParsedExpression> second = cache.parse("a +");
		assertThat(first).isInstanceOf(Left.class).isEqualTo(second).isEqualTo(feel.parseExpression("a +"));
		assertThat(((Left<Failure, ParsedExpression>) first).value().message())
			.startsWith("failed to parse expression 'a +'");
		assertThat(parsedTexts).containsExactly("a +", "a +");
		assertThat(cache.size()).isZero();
		assertThat(cache.parse("a + 1")).isInstanceOf(Right.class);
		assertThat(cache.size()).isOne();
	}

	@Test
	void sizeZeroKeepsNothingAndNullIsParsedAsCamundaDoes() {
		ParsedExpressions cache = new ParsedExpressions(0, this::parse);
		cache.parse("1");
		cache.parse("1");
		assertThat(parsedTexts).containsExactly("1", "1");
		assertThat(cache.size()).isZero();
		assertThat(new ParsedExpressions(5, this::parse).parse(null)).isEqualTo(feel.parseExpression(null));
		assertThatThrownBy(() -> new ParsedExpressions(-1, this::parse)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new CachedFeelEngineFactory(-1)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void aLongTextIsParsedEveryTimeNeverKept() {
		ParsedExpressions cache = new ParsedExpressions(10, this::parse);
		String list = "[1" + ", 1".repeat(ParsedExpressions.LONGEST_KEPT / 3) + "]";
		assertThat(list.length()).isGreaterThan(ParsedExpressions.LONGEST_KEPT);
		assertThat(cache.parse(list)).isInstanceOf(camundajar.impl.scala.util.Right.class);
		cache.parse(list);
		assertThat(parsedTexts).hasSize(2);
		assertThat(cache.size()).isZero();
	}

	@Test
	void anExpressionTooDeepForTheParserFailsWithAMessageInsteadOfAnError() {
		FeelEngine cached = new CachedFeelEngineFactory(10).createInstance();
		String deep = "(".repeat(5000) + "1" + ")".repeat(5000);
		assertThatThrownBy(() -> cached.evaluateSimpleUnaryTests(deep, "a",
				Variables.createVariables().putValue("a", 1).asVariableContext()))
			.isInstanceOf(FeelException.class)
			.hasMessageContaining("nested too deeply");
	}

	@Test
	void aParseFailureRaisesCamundasException() {
		FeelEngine cached = new CachedFeelEngineFactory(10).createInstance();
		FeelEngine stock = new ScalaFeelEngineFactory().createInstance();
		for (int attempt = 0; attempt < 2; attempt++) {
			Throwable expected = catchThrowable(() -> stock.evaluateSimpleUnaryTests("> >", "a",
					Variables.createVariables().putValue("a", 1).asVariableContext()));
			assertThatThrownBy(() -> cached.evaluateSimpleUnaryTests("> >", "a",
					Variables.createVariables().putValue("a", 1).asVariableContext()))
				.isInstanceOf(FeelException.class)
				.isExactlyInstanceOf(expected.getClass())
				.hasMessage(expected.getMessage());
		}
	}

	static Throwable catchThrowable(Runnable runnable) {
		try {
			runnable.run();
			return null;
		}
		catch (Throwable thrown) {
			return thrown;
		}
	}

	/**
	 * Eight threads evaluate 200 texts with a cache of 16 (so texts are evicted and
	 * parsed again all the time): every result is the stock engine's.
	 */
	@Test
	void severalThreadsGetTheSameResultsAsTheStockEngine() throws Exception {
		FeelEngine cached = new CachedFeelEngineFactory(16).createInstance();
		FeelEngine stock = new ScalaFeelEngineFactory().createInstance();
		List<String> tests = new ArrayList<>();
		for (int i = 0; i < 200; i++) {
			tests.add(i % 10 == 9 ? "> >" + i : i % 2 == 0 ? "[" + i + ".." + (i + 50) + "]" : "< " + i + ", null");
		}
		Map<String, String> expected = new HashMap<>();
		for (String test : tests) {
			for (int a = 0; a < 260; a += 13) {
				expected.put(test + "|" + a, outcome(stock, test, a));
			}
		}
		AtomicInteger compared = new AtomicInteger();
		ExecutorService threads = Executors.newFixedThreadPool(8);
		try {
			List<Callable<List<String>>> work = new ArrayList<>();
			for (int t = 0; t < 8; t++) {
				int seed = t;
				work.add(() -> {
					List<String> wrong = new ArrayList<>();
					java.util.Random random = new java.util.Random(seed);
					for (int i = 0; i < 5000; i++) {
						String test = tests.get(random.nextInt(tests.size()));
						int a = 13 * random.nextInt(20);
						String got = outcome(cached, test, a);
						if (!got.equals(expected.get(test + "|" + a))) {
							wrong.add(test + "|" + a + ": " + got);
						}
						compared.incrementAndGet();
					}
					return wrong;
				});
			}
			for (Future<List<String>> result : threads.invokeAll(work)) {
				assertThat(result.get()).isEmpty();
			}
		}
		finally {
			threads.shutdown();
		}
		assertThat(compared).hasValue(40_000);
	}

	static String outcome(FeelEngine feel, String test, int a) {
		try {
			return String.valueOf(feel.evaluateSimpleUnaryTests(test, "a",
					Variables.createVariables().putValue("a", a).asVariableContext()));
		}
		catch (RuntimeException e) {
			return e.getClass().getName() + ": " + e.getMessage();
		}
	}

}
