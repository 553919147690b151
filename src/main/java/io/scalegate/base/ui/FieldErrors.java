package io.scalegate.base.ui;

import com.vaadin.flow.component.HasValidation;
import io.scalegate.base.InvalidInput;
import java.util.Map;

/**
 * Shows an {@link InvalidInput} beside the fields it names; a problem without a field
 * here becomes a notification.
 */
public final class FieldErrors {

	private FieldErrors() {
	}

	public static void show(InvalidInput invalid, Map<String, ? extends HasValidation> fields) {
		clear(fields);
		for (InvalidInput.FieldProblem problem : invalid.problems()) {
			HasValidation field = fields.get(problem.field());
			if (field == null) {
				ErrorHandling.show(problem.field() + ": " + problem.message());
			}
			else {
				field.setErrorMessage(problem.message());
				field.setInvalid(true);
			}
		}
	}

	public static void clear(Map<String, ? extends HasValidation> fields) {
		fields.values().forEach(field -> field.setInvalid(false));
	}

}
