package io.scalegate.notification.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.UI;

/** The person read notifications in this UI: the bell counts again. */
class UnreadChanged extends ComponentEvent<UI> {

	UnreadChanged(UI ui) {
		super(ui, false);
	}

	static void fire(UI ui) {
		com.vaadin.flow.component.ComponentUtil.fireEvent(ui, new UnreadChanged(ui));
	}

}
