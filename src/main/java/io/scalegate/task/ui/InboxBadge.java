package io.scalegate.task.ui;

import io.scalegate.base.ui.NavigationBadge;
import io.scalegate.security.CurrentUser;
import io.scalegate.security.Role;
import io.scalegate.task.Inbox;
import io.scalegate.task.InboxFilter;
import java.util.EnumSet;
import java.util.OptionalLong;
import org.springframework.stereotype.Component;

/**
 * Beside "Inbox" in the navigation: how many open tasks the person's groups (or the
 * person) have.
 */
@Component
class InboxBadge implements NavigationBadge {

	private static final EnumSet<Role> WITH_TASKS = EnumSet.of(Role.ENGINEER, Role.QUALITY, Role.SUPPLIER_QUALITY,
			Role.GATEKEEPER, Role.ADMIN);

	private final Inbox inbox;

	private final CurrentUser currentUser;

	InboxBadge(Inbox inbox, CurrentUser currentUser) {
		this.inbox = inbox;
		this.currentUser = currentUser;
	}

	@Override
	public String path() {
		return "inbox";
	}

	@Override
	public OptionalLong count() {
		var user = currentUser.get();
		if (user.roles().stream().noneMatch(WITH_TASKS::contains)) {
			return OptionalLong.empty();
		}
		return OptionalLong.of(inbox.count(user, InboxFilter.of(InboxFilter.Scope.MY_GROUPS)));
	}

}
