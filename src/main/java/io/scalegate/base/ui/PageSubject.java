package io.scalegate.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.router.RouteParameters;

/**
 * Whether what a page's address names exists: the first load of a page about a product, a
 * model change or a task that does not exist answers 404 ({@link PageStatus}), as the
 * page then shows {@link PageNotFoundView#show}.
 */
public interface PageSubject {

	/**
	 * True when {@code page}, opened with {@code parameters}, names nothing that exists;
	 * false for pages this does not know.
	 */
	boolean missing(Class<? extends Component> page, RouteParameters parameters);

}
