package io.scalegate.base;

/**
 * What kind of thing an audit trail entry is about: a product, a task, a model
 * deployment, a user or token, the system (stored by name in the trail: never rename a
 * constant).
 */
public enum AuditSubject {

	PRODUCT, TASK, MODEL, USER, TOKEN, SYSTEM

}
