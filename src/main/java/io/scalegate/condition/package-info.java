/**
 * Go with conditions: the conditions a gatekeeper writes with the decision
 * {@code GO_WITH_CONDITIONS}, each with an owner and a due date, followed up by the
 * lifecycle (one task per condition for its owner, escalated to the gatekeeper when
 * overdue); a product is conditional while one is open
 * (docs/adr/0020-go-with-conditions.md).
 */
package io.scalegate.condition;
