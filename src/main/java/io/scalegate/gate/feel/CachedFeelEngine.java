package io.scalegate.gate.feel;

import camundajar.impl.scala.runtime.BoxesRunTime;
import camundajar.impl.scala.util.Either;
import camundajar.impl.scala.util.Left;
import camundajar.impl.scala.util.Right;
import java.util.List;
import org.camunda.bpm.dmn.feel.impl.scala.ContextVariableWrapper;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.function.FeelCustomFunctionProvider;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.feel.FeelEngine.Failure;
import org.camunda.feel.context.Context;
import org.camunda.feel.context.CustomContext;
import org.camunda.feel.context.VariableProvider;
import org.camunda.feel.context.VariableProvider.CompositeVariableProvider;
import org.camunda.feel.context.VariableProvider.StaticVariableProvider;
import org.camunda.feel.syntaxtree.ParsedExpression;

/**
 * Camunda's FEEL engine ({@link ScalaFeelEngine}: its feel-scala engine, value mappers,
 * custom functions, variable context and exceptions), except that each expression and
 * unary test is parsed once ({@link ParsedExpressions}) instead of on every evaluation.
 * <p>
 * The two evaluate methods follow {@code ScalaFeelEngine} of Camunda 7.24
 * (camunda-bpm-platform, engine-dmn/feel-scala, Apache License 2.0) line by line; where
 * it calls feel-scala's {@code evalExpression(text, context)} and
 * {@code evalUnaryTests(text, context)}, which are {@code parseExpression(text)} and
 * {@code parseUnaryTests(text)} followed by {@code eval(parsed, context)} in feel-scala
 * 1.19, this class takes the parse from the cache and calls the same {@code eval}. A
 * unary test is parsed without its input variable (the context names it at evaluation, as
 * {@code inputVariableName}), so its text alone is the key. docs/adr/0017.
 */
class CachedFeelEngine extends ScalaFeelEngine {

	private final ParsedExpressions expressions;

	private final ParsedExpressions unaryTests;

	@SuppressWarnings("deprecation")
	CachedFeelEngine(List<FeelCustomFunctionProvider> functionProviders, int cacheSize) {
		super(functionProviders);
		this.expressions = new ParsedExpressions(cacheSize, feelEngine::parseExpression);
		this.unaryTests = new ParsedExpressions(cacheSize, feelEngine::parseUnaryTests);
	}

	@Override
	@SuppressWarnings("unchecked")
	public <T> T evaluateSimpleExpression(String expression, VariableContext variableContext) {
		CustomContext context = new CustomContext() {
			@Override
			public VariableProvider variableProvider() {
				return new ContextVariableWrapper(variableContext);
			}
		};
		Either<Failure, Object> either = eval(expressions.parse(expression), context);
		if (either instanceof Right<Failure, Object> right) {
			return (T) right.value();
		}
		Failure failure = ((Left<Failure, Object>) either).value();
		throw LOGGER.evaluationException(failure.message());
	}

	@Override
	public boolean evaluateSimpleUnaryTests(String expression, String inputVariable, VariableContext variableContext) {
		StaticVariableProvider inputVariableContext = new StaticVariableProvider(
				new camundajar.impl.scala.collection.immutable.Map.Map1<>(INPUT_VARIABLE_NAME, inputVariable));
		ContextVariableWrapper contextVariableWrapper = new ContextVariableWrapper(variableContext);
		CustomContext context = new CustomContext() {
			@Override
			public VariableProvider variableProvider() {
				return new CompositeVariableProvider(toScalaList(inputVariableContext, contextVariableWrapper));
			}
		};
		Either<Failure, Object> either = eval(unaryTests.parse(expression), context);
		if (either instanceof Right<Failure, Object> right) {
			return BoxesRunTime.unboxToBoolean(right.value());
		}
		Failure failure = ((Left<Failure, Object>) either).value();
		throw LOGGER.evaluationException(failure.message());
	}

	/** feel-scala's {@code parse…(text).flatMap(eval(_, context))}. */
	@SuppressWarnings({ "deprecation", "unchecked" })
	private Either<Failure, Object> eval(Either<Failure, ParsedExpression> parsed, Context context) {
		if (parsed instanceof Right<Failure, ParsedExpression> right) {
			return feelEngine.eval(right.value(), context);
		}
		return (Either<Failure, Object>) (Either<Failure, ?>) parsed;
	}

}
