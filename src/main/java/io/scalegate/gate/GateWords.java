package io.scalegate.gate;

import static io.scalegate.gate.ProductLifecycle.*;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The gate's codes in the words a person reads, in one place: recommendations and gate
 * decisions, the decisions of the gate DRD by name, every gate input with its label (the
 * DMN's own input label where the DMN reads the variable itself) and how its value reads
 * (money with its currency, shares as percentages, counts as whole numbers, ratios with
 * two decimals), and a missing value as {@value #NOT_RECORDED}. The REST API and the CSV
 * exports keep the codes.
 */
public final class GateWords {

	/** A value the gate had no evidence for. */
	public static final String NOT_RECORDED = "not recorded";

	/** How a gate input's value reads. */
	public enum Format {

		/** An amount of money, two decimals and the currency. */
		MONEY,
		/** A share from 0 to 1, as a percentage with one decimal. */
		SHARE,
		/** A whole number. */
		COUNT,
		/** A ratio such as a CV or a Cpk, two decimals. */
		RATIO,
		/** Yes or no. */
		YES_NO,
		/** A code of a few words (POSITIVE, MODERATE): lower case words. */
		WORDS,
		/**
		 * Document kind codes joined by commas: their names; none ("") as "none", not
		 * checked (null) as {@value GateWords#NOT_RECORDED}.
		 */
		DOCUMENT_KINDS

	}

	/** A gate input: its variable name, label and format. */
	public record Input(String name, String label, Format format) {
	}

	private static final Map<String, String> RECOMMENDATIONS = Map.ofEntries(
			Map.entry("GO", "Go: the product moves to small batch"),
			Map.entry("RECYCLE", "Recycle: another prototype iteration"),
			Map.entry(GateDecision.GO_MASS_PRODUCTION.name(), "Go: mass production"),
			Map.entry(GateDecision.GO_WITH_CONDITIONS.name(),
					"Go with conditions: mass production, conditions to close"),
			Map.entry(GateDecision.ONE_STOP_SCALE_PLANNING.name(), "Go: one-stop service with scale planning"),
			Map.entry(GateDecision.STAY_SMALL_BATCH.name(), "Hold: the product stays in small batch"),
			Map.entry(GateDecision.RECYCLE_TO_PROTOTYPE.name(), "Recycle: the product goes back to prototype"),
			Map.entry(GateDecision.KILL.name(), "Kill: the product is cancelled"));

	/** A condition's state in words. */
	private static final Map<String, String> CONDITION_STATES = Map.of("OPEN", "open", "CLOSED", "closed");

	private static final Map<String, String> DECISIONS = Map.of(MASS_PRODUCTION_GATE, "Mass production gate",
			GATE_REASONS, "Gate reasons", DEMAND_STABILITY, "Demand stability", TOOLING_ECONOMICS, "Tooling economics",
			SUPPLIER_READINESS, "Supplier readiness", CUSTOMER_FEEDBACK_SUMMARY, "Customer feedback summary");

	/**
	 * The gate inputs, and the answers of the required decisions the gate reads, labelled
	 * as bpmn/mass-production-gate.dmn labels them (the costs and the volume, which the
	 * DMN reads only inside the payback expression, have labels of their own).
	 */
	private static final Map<String, Input> INPUTS = inputs(
			new Input(DEMAND_MONTHS.name(), "Months of order history", Format.COUNT),
			new Input(DEMAND_CV.name(), "Coefficient of variation of monthly quantity", Format.RATIO),
			new Input(TOOLING_INVESTMENT.name(), "Tooling investment", Format.MONEY),
			new Input(SMALL_BATCH_UNIT_COST.name(), "Small-batch unit cost", Format.MONEY),
			new Input(MASS_UNIT_COST.name(), "Mass-production unit cost", Format.MONEY),
			new Input(FORECAST_ANNUAL_VOLUME.name(), "Forecast annual volume (units)", Format.COUNT),
			new Input(SUPPLIER_BATCHES_DELIVERED.name(), "Consecutive conforming small batches", Format.COUNT),
			new Input(SUPPLIER_ON_TIME_RATE.name(), "On-time delivery rate", Format.SHARE),
			new Input(SUPPLIER_FIRST_PASS_YIELD.name(), "First-pass yield", Format.SHARE),
			new Input(PROCESS_CPK.name(), "Process Cpk (weakest characteristic)", Format.RATIO),
			new Input(DESIGN_FROZEN.name(), "Design frozen", Format.YES_NO),
			new Input(INSPECTION_STANDARD_APPROVED.name(), "Inspection standard approved", Format.YES_NO),
			new Input(MATERIAL_CONFIRMED.name(), "Material confirmed", Format.YES_NO),
			new Input(SURFACE_FINISH_CONFIRMED.name(), "Surface finish confirmed", Format.YES_NO),
			new Input(SUPPLIER_APPROVED.name(), "Supplier approved by reviewer", Format.YES_NO),
			new Input(UNIT_COST_REDUCTION_PRIORITY.name(), "Unit-cost reduction is the priority", Format.YES_NO),
			new Input(NEEDS_SUPPLY_COORDINATION.name(), "Needs broader supply coordination", Format.YES_NO),
			new Input(DESIGN_CHANGES_LAST_90_DAYS.name(), "Design changes in the last 90 days", Format.COUNT),
			new Input(CUSTOMER_FEEDBACK.name(), "Customer feedback", Format.WORDS),
			new Input(MISSING_DELIVERABLES.name(), "Missing deliverables", Format.DOCUMENT_KINDS),
			new Input("paybackYears", "Tooling payback (years)", Format.RATIO),
			new Input(DEMAND_STABILITY, "Demand stability", Format.WORDS),
			new Input(SUPPLIER_READINESS, "Supplier readiness", Format.WORDS),
			new Input(TOOLING_ECONOMICS, "Tooling economics", Format.WORDS));

	private GateWords() {
	}

	/**
	 * A document kind by its code: FIRST_ARTICLE_INSPECTION → "First article inspection";
	 * an unknown code as words.
	 */
	public static String documentKind(String code) {
		return java.util.Arrays.stream(io.scalegate.document.DocumentKind.values())
			.filter(kind -> kind.name().equals(code))
			.findFirst()
			.map(io.scalegate.document.DocumentKind::label)
			.orElseGet(() -> sentence(code));
	}

	/**
	 * Document kinds by their names, joined: "First article inspection, Control plan".
	 */
	public static String documentKinds(java.util.Collection<String> codes) {
		return codes.stream().map(GateWords::documentKind).collect(java.util.stream.Collectors.joining(", "));
	}

	/**
	 * An unmet condition as its explanation, with what the inputs tell about it: a
	 * missing deliverable names the kinds that are missing.
	 */
	public static String reason(GateReason reason, GateInputs inputs) {
		return reason(reason.name(), inputs == null ? Map.of() : inputs.values());
	}

	/**
	 * An unmet condition (a gateReasons answer) as its explanation, with what the gate's
	 * inputs or process variables tell about it: MISSING_DELIVERABLES → "Required
	 * deliverables are not on file: Control plan, Part submission warrant (PPAP)."
	 */
	public static String reason(String code, Map<String, ?> inputs) {
		if (GateReason.MISSING_DELIVERABLES.name().equals(code)
				&& inputs.get(MISSING_DELIVERABLES.name()) instanceof String joined && !kindCodes(joined).isEmpty()) {
			return "Required deliverables are not on file: " + documentKinds(kindCodes(joined)) + ".";
		}
		return reason(code);
	}

	/**
	 * The kind codes of a {@code missingDeliverables} value ("A,B"); empty for null or
	 * "".
	 */
	public static java.util.List<String> kindCodes(String joined) {
		if (joined == null || joined.isBlank()) {
			return java.util.List.of();
		}
		return Arrays.stream(joined.split(",")).map(String::strip).filter(code -> !code.isEmpty()).toList();
	}

	/**
	 * A decision's answer in words: a recommendation as {@link #recommendation}, an unmet
	 * condition as {@link #reason}, another code as lower-case words.
	 */
	public static String answer(String variable, Object value) {
		if (value == null) {
			return NOT_RECORDED;
		}
		if (GATE_RECOMMENDATION.name().equals(variable)) {
			return recommendation(String.valueOf(value));
		}
		if ("reason".equals(variable)) {
			return reason(String.valueOf(value));
		}
		return format(null, value, null);
	}

	/**
	 * A recommendation or a decision at a gate in words: GO_MASS_PRODUCTION → "Go: mass
	 * production"; an unknown code as lower-case words; none as {@value #NOT_RECORDED}.
	 */
	public static String recommendation(String code) {
		if (code == null || code.isBlank()) {
			return NOT_RECORDED;
		}
		String known = RECOMMENDATIONS.get(code);
		return known != null ? known : sentence(code);
	}

	/** The short name of a Go with conditions, as history and badges show it. */
	public static final String GO_WITH_CONDITIONS = "Go with conditions";

	/** A product with open conditions from a Go with conditions, as a badge reads. */
	public static final String CONDITIONAL = "Conditional";

	/**
	 * A condition's state (OPEN, CLOSED) in words; overdue when open past its due date.
	 */
	public static String conditionState(String state, boolean overdue) {
		String words = CONDITION_STATES.getOrDefault(state, words(state));
		return overdue && "OPEN".equals(state) ? words + ", overdue" : words;
	}

	/**
	 * A decision of the gate DRD by its name: massProductionGate → "Mass production
	 * gate".
	 */
	public static String decision(String key) {
		return key == null ? NOT_RECORDED : DECISIONS.getOrDefault(key, key);
	}

	/** An unmet condition (a gateReasons answer) as its explanation. */
	public static String reason(String code) {
		return Arrays.stream(GateReason.values())
			.filter(reason -> reason.name().equals(code))
			.map(GateReason::explanation)
			.findFirst()
			.orElseGet(() -> sentence(code) + ".");
	}

	/** The gate input of this variable name, if the gate has one. */
	public static Optional<Input> input(String name) {
		return Optional.ofNullable(INPUTS.get(name));
	}

	/** The gate input of this label (the DMN's input label), if the gate has one. */
	public static Optional<Input> inputLabelled(String label) {
		return INPUTS.values().stream().filter(input -> input.label().equals(label)).findFirst();
	}

	/**
	 * A gate input's label: demandCv → "Coefficient of variation of monthly quantity".
	 */
	public static String label(String name) {
		return input(name).map(Input::label).orElse(name);
	}

	/**
	 * A gate input's value as it reads, money in {@code currency} (none: the amount
	 * alone); a value of an input the gate does not know reads by its type.
	 */
	public static String value(String name, Object value, String currency) {
		return format(input(name).map(Input::format).orElse(null), value, currency);
	}

	/** A value in a format (null: read by the value's type). */
	public static String format(Format format, Object value, String currency) {
		if (value == null) {
			return NOT_RECORDED;
		}
		Format as = format != null ? format : byType(value);
		return switch (as) {
			case MONEY ->
				value instanceof Number amount
						? String.format(Locale.ROOT, "%,.2f", amount.doubleValue())
								+ (currency == null || currency.isBlank() ? "" : " " + currency)
						: String.valueOf(value);
			case SHARE -> value instanceof Number share
					? String.format(Locale.ROOT, "%.1f %%", share.doubleValue() * 100) : String.valueOf(value);
			case COUNT -> value instanceof Number count
					? String.format(Locale.ROOT, "%,d", Math.round(count.doubleValue())) : String.valueOf(value);
			case RATIO -> value instanceof Number ratio ? String.format(Locale.ROOT, "%.2f", ratio.doubleValue())
					: String.valueOf(value);
			case YES_NO -> value instanceof Boolean yes ? (yes ? "yes" : "no") : String.valueOf(value);
			case WORDS -> words(String.valueOf(value));
			case DOCUMENT_KINDS ->
				kindCodes(String.valueOf(value)).isEmpty() ? "none" : documentKinds(kindCodes(String.valueOf(value)));
		};
	}

	/** A code as lower-case words: INSUFFICIENT_HISTORY → "insufficient history". */
	public static String words(String code) {
		return code == null ? NOT_RECORDED : code.replace('_', ' ').toLowerCase(Locale.ROOT);
	}

	private static String sentence(String code) {
		String words = words(code);
		return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
	}

	private static Format byType(Object value) {
		if (value instanceof Boolean) {
			return Format.YES_NO;
		}
		if (value instanceof Integer || value instanceof Long) {
			return Format.COUNT;
		}
		if (value instanceof Number) {
			return Format.RATIO;
		}
		return Format.WORDS;
	}

	private static Map<String, Input> inputs(Input... inputs) {
		Map<String, Input> byName = new LinkedHashMap<>();
		for (Input input : inputs) {
			byName.put(input.name(), input);
		}
		return byName;
	}

}
