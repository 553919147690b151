package io.scalegate.notification;

/**
 * What a notification is about; each person chooses per kind how they receive it by
 * e-mail ({@link Delivery}), in the app they always see it (stored by name: never rename
 * a constant).
 */
public enum NotificationKind {

	/** a user task created for me or one of my groups, or assigned to me */
	TASK_FOR_ME("A task for me or my group", Delivery.IMMEDIATE),
	/** an open task of mine (or my group's) is due soon */
	TASK_DUE_SOON("A task is due soon", Delivery.DAILY_DIGEST),
	/** an open task of mine (or my group's) is overdue */
	TASK_OVERDUE("A task is overdue", Delivery.IMMEDIATE),
	/** a condition of a Go with conditions is mine to close */
	CONDITION_MINE("A condition of mine to close", Delivery.IMMEDIATE),
	/** a condition is overdue and escalates to the gatekeeper who decided it */
	CONDITION_ESCALATED("An overdue condition escalated to me", Delivery.IMMEDIATE),
	/** a gate was decided on a product I own */
	GATE_DECIDED("A gate decided on a product I own", Delivery.IMMEDIATE),
	/** a model change waits for my approval */
	MODEL_CHANGE_APPROVAL("A model change waits for my approval", Delivery.IMMEDIATE),
	/** someone mentioned me in a comment */
	MENTION("Someone mentioned me", Delivery.IMMEDIATE);

	private final String label;

	private final Delivery byDefault;

	NotificationKind(String label, Delivery byDefault) {
		this.label = label;
		this.byDefault = byDefault;
	}

	/** As a person reads it on the preferences page. */
	public String label() {
		return label;
	}

	/** How a person who chose nothing receives it by e-mail. */
	public Delivery byDefault() {
		return byDefault;
	}

}
