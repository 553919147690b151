package io.scalegate.model.cases;

import java.time.Instant;
import java.util.function.UnaryOperator;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * An example for a decision: its inputs and the outputs it must give (JSON objects; a
 * COLLECT output expects a list, compared without order). A process owner keeps them; a
 * change to a decision deploys only when every case of its decisions passes on the new
 * version.
 */
@Table("decision_case")
public record DecisionCase(@Id Long id, String decisionKey, String name, String inputs, String expected,
		String createdBy, Instant createdAt) {

	public DecisionCase withId(Long newId) {
		return new DecisionCase(newId, decisionKey, name, inputs, expected, createdBy, createdAt);
	}

	/** The case with its JSON written by {@code json} (as a saved case is stored). */
	DecisionCase normalised(UnaryOperator<String> json) {
		return new DecisionCase(id, decisionKey, name, json.apply(inputs), json.apply(expected), createdBy, createdAt);
	}

}
