package io.scalegate.gate;

/**
 * A decision test case was added, changed or removed: its inputs and expected outputs
 * before and after (JSON, null when absent).
 */
public record DecisionCaseChanged(String decisionKey, String name, String before, String after, String by) {
}
