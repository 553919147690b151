package io.scalegate.model.change;

import io.scalegate.model.ModelProblem;
import io.scalegate.model.cases.CaseRun;
import io.scalegate.model.impact.ImpactReport;
import java.util.List;

/**
 * A change checked as it would deploy: the validation problems of the whole deployment it
 * would make, the decision test cases run on it (DMN only, else null), what it changes,
 * line by line, and its impact on the running products' gate verdicts.
 */
public record ChangeCheck(List<ModelProblem> problems, CaseRun cases, List<String> summary, ImpactReport impact) {

	public boolean passed() {
		return problems.isEmpty() && (cases == null || cases.passed());
	}

	/** Why it cannot be submitted or approved, in one sentence; empty when it passed. */
	public String verdict() {
		if (!problems.isEmpty()) {
			return problems.size() + (problems.size() == 1 ? " problem" : " problems") + " must be fixed first: "
					+ problems.get(0).message();
		}
		if (cases != null && cases.refused()) {
			return "the decision test cases were " + cases.refusal();
		}
		if (cases != null && !cases.passed()) {
			return cases.failures() + " of " + cases.cases().size() + " decision test cases fail on this version";
		}
		return "";
	}

}
