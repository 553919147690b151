package io.scalegate.task.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.router.RouteParameters;
import io.scalegate.base.ui.PageSubject;
import io.scalegate.task.Inbox;

/**
 * A task's page ({@link TaskView}) names no task that ever existed; one completed
 * meanwhile is no 404, its page says so.
 */
@org.springframework.stereotype.Component
class TaskPageSubject implements PageSubject {

	private final Inbox inbox;

	TaskPageSubject(Inbox inbox) {
		this.inbox = inbox;
	}

	@Override
	public boolean missing(Class<? extends Component> page, RouteParameters parameters) {
		return page == TaskView.class && !inbox.existed(parameters.get("taskId").orElse(""));
	}

}
