package io.scalegate.condition;

import java.time.LocalDate;

/** A condition as the gatekeeper writes it, checked: text, owner (a user id), due day. */
public record NewCondition(String text, String owner, LocalDate dueDate) {
}
