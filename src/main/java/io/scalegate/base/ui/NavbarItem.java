package io.scalegate.base.ui;

import com.vaadin.flow.component.Component;
import java.util.Optional;

/**
 * Something a feature shows in the top bar beside the user's name (e.g. the notification
 * bell). Features contribute them as beans, so the layout depends on no feature.
 */
public interface NavbarItem {

	/** The component for the person signed in, or empty to show none. */
	Optional<Component> create();

}
