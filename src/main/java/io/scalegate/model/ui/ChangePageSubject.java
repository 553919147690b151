package io.scalegate.model.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.router.RouteParameters;
import io.scalegate.base.InvalidInput;
import io.scalegate.base.ui.PageSubject;
import io.scalegate.model.change.ModelChanges;

/** A model change's page ({@link ChangeView}) names no change. */
@org.springframework.stereotype.Component
class ChangePageSubject implements PageSubject {

	private final ModelChanges changes;

	ChangePageSubject(ModelChanges changes) {
		this.changes = changes;
	}

	@Override
	public boolean missing(Class<? extends Component> page, RouteParameters parameters) {
		if (page != ChangeView.class) {
			return false;
		}
		try {
			changes.get(Long.parseLong(parameters.get("id").orElse("")));
			return false;
		}
		catch (NumberFormatException | InvalidInput unknown) {
			return true;
		}
	}

}
