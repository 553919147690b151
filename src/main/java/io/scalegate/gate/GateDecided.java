package io.scalegate.gate;

/**
 * The gatekeeper decided; {@code overridden} when the decision differs from the
 * recommendation.
 */
public record GateDecided(String partNumber, String processInstanceId, String decision, String recommendation,
		boolean overridden, String overrideReason, String decidedBy, java.util.Map<String, Object> rulesVersion) {
}
