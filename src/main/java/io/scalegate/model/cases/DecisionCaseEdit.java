package io.scalegate.model.cases;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A decision test case added, changed or removed inside a model change, pending until a
 * second process owner approves that change: {@code caseId} is the live case it changes
 * or removes (null: a case the change adds); a removal has no inputs and no expected
 * outputs.
 */
@Table("decision_case_edit")
record DecisionCaseEdit(@Id Long id, long changeId, Long caseId, String decisionKey, String name, String inputs,
		String expected, boolean removed, String editedBy, Instant editedAt) {

	/** The case as the change would make it, with the id its change lists it by. */
	DecisionCase testCase(DecisionCase live) {
		return live == null ? new DecisionCase(-id, decisionKey, name, inputs, expected, editedBy, editedAt)
				: new DecisionCase(live.id(), decisionKey, name, inputs, expected, live.createdBy(), live.createdAt());
	}

}
