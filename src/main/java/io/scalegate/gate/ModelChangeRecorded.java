package io.scalegate.gate;

/**
 * A process owner's model change moved on: drafted (from a refused ungoverned deployment
 * too), submitted for approval or rejected ({@code detail}: the summary or the reason).
 */
public record ModelChangeRecorded(long changeId, String resourceName, String status, String by, String detail) {
}
