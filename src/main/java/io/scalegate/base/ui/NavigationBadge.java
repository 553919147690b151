package io.scalegate.base.ui;

import java.util.OptionalLong;

/**
 * A count shown beside a navigation entry (e.g. open tasks beside "Inbox"). Features
 * contribute badges as beans, so the layout depends on no feature.
 */
public interface NavigationBadge {

	/** The route path the badge belongs to, as in the view's {@code @Route} ("inbox"). */
	String path();

	/** The count for the person logged in, or empty to show none. */
	OptionalLong count();

}
