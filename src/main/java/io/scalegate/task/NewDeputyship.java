package io.scalegate.task;

import java.time.LocalDate;

/**
 * A deputy to be named.
 *
 * @param absent the absent person's user id; blank: whoever names it
 * @param deputy the deputy's user id
 * @param firstDay first day (UTC), inclusive
 * @param lastDay last day (UTC), inclusive
 * @param reason why: holiday, sick leave…
 */
public record NewDeputyship(String absent, String deputy, LocalDate firstDay, LocalDate lastDay, String reason) {
}
