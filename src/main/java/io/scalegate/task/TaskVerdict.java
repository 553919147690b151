package io.scalegate.task;

import static io.scalegate.gate.ProductLifecycle.*;

import io.scalegate.base.InvalidInput;
import io.scalegate.gate.GateDecision;
import io.scalegate.gate.GateWords;
import io.scalegate.gate.ProcessVariable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the values of a lifecycle task decide, and so the one meaning a signature on them
 * can have (ADR 0003): a signature means what it signs.
 * <ul>
 * <li>{@code prototypeReview}: GO is <em>Approved</em>; RECYCLE and KILL are
 * <em>Rejected</em>.</li>
 * <li>{@code designFreezeSignOff}, {@code inspectionStandardApproval},
 * {@code supplierQualification}: every box ticked ({@code designFrozen};
 * {@code inspectionStandardApproved}, {@code materialConfirmed},
 * {@code surfaceFinishConfirmed}; {@code supplierApproved}) is <em>Approved</em>; one box
 * unticked is <em>Rejected</em>.</li>
 * <li>{@code gateReview}: GO_MASS_PRODUCTION, GO_WITH_CONDITIONS and
 * ONE_STOP_SCALE_PLANNING (the product passes the gate) are <em>Approved</em>;
 * STAY_SMALL_BATCH, RECYCLE_TO_PROTOTYPE and KILL (it does not pass) are
 * <em>Rejected</em>.</li>
 * <li>{@code closeGateCondition}: closing the condition is <em>Approved</em> (the owner
 * signs that it is met).</li>
 * </ul>
 * A task that decides none of these (a task a process owner added) has no verdict: its
 * signer chooses the meaning, <em>Reviewed</em> included.
 *
 * @param meaning the only meaning a signature on these values may have
 * @param decision what the values decide, in words, as the signer reads it before signing
 */
public record TaskVerdict(SignatureMeaning meaning, String decision) {

	private static final List<Box> DESIGN_FREEZE = List
		.of(new Box(DESIGN_FROZEN, "the design is frozen", "the design is not frozen"));

	private static final List<Box> INSPECTION = List.of(
			new Box(INSPECTION_STANDARD_APPROVED, "the inspection standard is approved",
					"the inspection standard is not approved"),
			new Box(MATERIAL_CONFIRMED, "the material is confirmed", "the material is not confirmed"),
			new Box(SURFACE_FINISH_CONFIRMED, "the surface finish is confirmed",
					"the surface finish is not confirmed"));

	private static final List<Box> SUPPLIER = List.of(new Box(SUPPLIER_APPROVED,
			"the supplier is approved for mass production", "the supplier is not approved for mass production"));

	private static final Map<String, TaskVerdict> PROTOTYPE_DECISIONS = inOrder(
			Map.entry("GO", approved(GateWords.recommendation("GO"))),
			Map.entry("RECYCLE", rejected(GateWords.recommendation("RECYCLE"))),
			Map.entry("KILL", rejected(GateWords.recommendation("KILL"))));

	private static final Map<String, TaskVerdict> GATE_DECISIONS = inOrder(
			gate(GateDecision.GO_MASS_PRODUCTION, SignatureMeaning.APPROVED),
			gate(GateDecision.GO_WITH_CONDITIONS, SignatureMeaning.APPROVED),
			gate(GateDecision.ONE_STOP_SCALE_PLANNING, SignatureMeaning.APPROVED),
			gate(GateDecision.STAY_SMALL_BATCH, SignatureMeaning.REJECTED),
			gate(GateDecision.RECYCLE_TO_PROTOTYPE, SignatureMeaning.REJECTED),
			gate(GateDecision.KILL, SignatureMeaning.REJECTED));

	/**
	 * The verdict of {@code values} on the task {@code taskKey}; empty for a task that
	 * decides nothing ScaleGate knows.
	 * @throws InvalidInput naming the deciding variable when the values leave it out or
	 * hold a value the task does not offer: a signature must carry what it means
	 */
	public static Optional<TaskVerdict> of(String taskKey, Map<String, Object> values) {
		Map<String, Object> given = values == null ? Map.of() : values;
		return switch (taskKey == null ? "" : taskKey) {
			case PROTOTYPE_REVIEW -> Optional.of(choice(PROTOTYPE_DECISION, PROTOTYPE_DECISIONS, given));
			case DESIGN_FREEZE_SIGN_OFF -> Optional.of(boxes(DESIGN_FREEZE, given));
			case INSPECTION_STANDARD_APPROVAL -> Optional.of(boxes(INSPECTION, given));
			case SUPPLIER_QUALIFICATION -> Optional.of(boxes(SUPPLIER, given));
			case GATE_REVIEW -> Optional.of(choice(GATE_DECISION, GATE_DECISIONS, given));
			case CLOSE_GATE_CONDITION -> Optional.of(approved("the condition is met and closed"));
			default -> Optional.empty();
		};
	}

	/**
	 * The meaning a signature on {@code values} takes: the one they decide, else
	 * {@code otherwise} (for a task that decides nothing ScaleGate knows).
	 */
	public static SignatureMeaning meaningOf(String taskKey, Map<String, Object> values, SignatureMeaning otherwise) {
		return of(taskKey, values).map(TaskVerdict::meaning).orElse(otherwise);
	}

	/**
	 * Why a signature meaning {@code chosen} contradicts this verdict, or empty when it
	 * does not.
	 */
	public Optional<String> contradiction(SignatureMeaning chosen) {
		if (chosen == meaning) {
			return Optional.empty();
		}
		return Optional.of("your values mean " + meaning.label() + " (" + decision
				+ "); a signature on them cannot mean " + (chosen == null ? "nothing" : chosen.label()) + ": sign as "
				+ meaning.label() + ", or change the values");
	}

	private static TaskVerdict boxes(List<Box> boxes, Map<String, Object> values) {
		List<String> ticked = new ArrayList<>();
		List<String> unticked = new ArrayList<>();
		for (Box box : boxes) {
			Object value = values.get(box.variable().name());
			if (!(value instanceof Boolean tick)) {
				throw new InvalidInput(box.variable().name(), "must be sent ticked or unticked (true or false), not "
						+ (value == null ? "left out" : value) + ": a signature on this task means what it decides");
			}
			(tick ? ticked : unticked).add(tick ? box.ticked() : box.unticked());
		}
		return unticked.isEmpty() ? approved(sentence(ticked)) : rejected(sentence(unticked));
	}

	private static TaskVerdict choice(ProcessVariable<String> variable, Map<String, TaskVerdict> choices,
			Map<String, Object> values) {
		Object value = values.get(variable.name());
		TaskVerdict verdict = value instanceof String chosen ? choices.get(chosen) : null;
		if (verdict == null) {
			throw new InvalidInput(variable.name(), "choose one of " + String.join(", ", choices.keySet()) + ", not "
					+ (value == null ? "none" : value) + ": a signature on this task means what it decides");
		}
		return verdict;
	}

	private static String sentence(List<String> parts) {
		if (parts.size() == 1) {
			return parts.get(0);
		}
		return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
	}

	private static Map.Entry<String, TaskVerdict> gate(GateDecision decision, SignatureMeaning meaning) {
		return Map.entry(decision.name(), new TaskVerdict(meaning, GateWords.recommendation(decision.name())));
	}

	private static TaskVerdict approved(String decision) {
		return new TaskVerdict(SignatureMeaning.APPROVED, decision);
	}

	private static TaskVerdict rejected(String decision) {
		return new TaskVerdict(SignatureMeaning.REJECTED, decision);
	}

	@SafeVarargs
	private static Map<String, TaskVerdict> inOrder(Map.Entry<String, TaskVerdict>... choices) {
		Map<String, TaskVerdict> ordered = new LinkedHashMap<>();
		for (Map.Entry<String, TaskVerdict> choice : choices) {
			ordered.put(choice.getKey(), choice.getValue());
		}
		return Collections.unmodifiableMap(ordered);
	}

	/** A box whose tick is the task's verdict, in words ticked and unticked. */
	private record Box(ProcessVariable<Boolean> variable, String ticked, String unticked) {
	}

}
