package io.scalegate.form;

import com.vaadin.flow.component.Component;

/** Test helpers of the form renderer other packages' view tests use. */
public final class FormRendererTestAccess {

	private FormRendererTestAccess() {
	}

	/** A component by id, visible or not (Karibu's lookups see visible ones only). */
	public static Component byId(Component root, String id) {
		return FormRendererTest.byId(root, id);
	}

}
