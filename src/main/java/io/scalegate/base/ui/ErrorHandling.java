package io.scalegate.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import io.scalegate.base.Conflict;
import io.scalegate.base.InvalidInput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One place that turns an exception in the UI into a message: a person's mistake
 * ({@link InvalidInput}, also when the engine wrapped it) is shown as it is, and so is a
 * race lost to a concurrent writer ({@link Conflict}: a duplicate key, an optimistic
 * lock, a lock timeout, however wrapped); anything else as "nothing was saved", logged
 * for the administrators, never a stack trace.
 */
@Component
public class ErrorHandling implements VaadinServiceInitListener {

	private static final Logger log = LoggerFactory.getLogger(ErrorHandling.class);

	static final String CONNECTION_LOST = "The connection to ScaleGate was lost; reconnecting. "
			+ "Nothing is saved until a signature is confirmed, so no task is half-completed.";

	static final String CONNECTION_GAVE_UP = "ScaleGate cannot be reached. Reload the page when the network is back; "
			+ "unsigned work has not been saved.";

	@Override
	@SuppressWarnings("deprecation")
	public void serviceInit(ServiceInitEvent event) {
		event.getSource().addUIInitListener(init -> {
			init.getUI().getReconnectDialogConfiguration().setDialogText(CONNECTION_LOST);
			init.getUI().getReconnectDialogConfiguration().setDialogTextGaveUp(CONNECTION_GAVE_UP);
		});
		event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(error -> {
			InvalidInput invalid = invalidInput(error.getThrowable());
			String message;
			if (invalid != null) {
				message = invalid.getMessage();
			}
			else {
				log.error("Unexpected error in the UI", error.getThrowable());
				message = "Something went wrong and nothing was saved. Please try again; if it happens again, tell an administrator.";
			}
			UI ui = UI.getCurrent();
			if (ui != null) {
				ui.access(() -> show(message));
			}
		}));
	}

	public static void show(String message) {
		Notification notification = Notification.show(message, 8000, Notification.Position.TOP_CENTER);
		notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
	}

	/**
	 * The person's mistake behind an exception, if there is one (the engine wraps
	 * listener exceptions).
	 */
	public static InvalidInput invalidInput(Throwable thrown) {
		for (Throwable t = thrown; t != null; t = t.getCause()) {
			if (t instanceof InvalidInput invalid) {
				return invalid;
			}
		}
		return Conflict.of(thrown);
	}

}
