package io.scalegate.model.cases;

import java.util.List;

/**
 * The decision test cases run on one version of a DMN file: each case passed or not, and
 * each rule of each decision table with the cases that reached it (a rule no case reaches
 * is shown as uncovered). A version that fails validation is not run at all:
 * {@code refusal} says why, and every case fails with it.
 */
public record CaseRun(String file, List<CaseResult> cases, List<RuleCoverage> rules, String refusal) {

	/** The cases, none of them run, each failing for {@code reason}. */
	static CaseRun refused(String file, List<DecisionCase> testCases, String reason) {
		return new CaseRun(file,
				testCases.stream().map(testCase -> new CaseResult(testCase, false, "", List.of(), reason)).toList(),
				List.of(), reason);
	}

	public boolean refused() {
		return refusal != null;
	}

	public boolean passed() {
		return cases.stream().allMatch(CaseResult::passed);
	}

	public long failures() {
		return cases.stream().filter(result -> !result.passed()).count();
	}

	public long uncoveredRules() {
		return rules.stream().filter(rule -> rule.caseNames().isEmpty()).count();
	}

	/**
	 * One case: what it expected, what the decision gave, the rules of its decision that
	 * matched.
	 */
	public record CaseResult(DecisionCase testCase, boolean passed, String actual, List<String> matchedRules,
			String message) {
	}

	/**
	 * One rule of a decision table: its number, conditions and outputs in words, the
	 * cases that reached it (directly or as a required decision) and whether any of those
	 * failed.
	 */
	public record RuleCoverage(String decisionKey, String ruleId, int number, String conditions, String outputs,
			List<String> caseNames, boolean anyFailed) {
	}

}
