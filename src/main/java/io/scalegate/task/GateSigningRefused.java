package io.scalegate.task;

/**
 * The four-eyes rule refused someone's signature at a gate. Published in the refused
 * (rolled-back) transaction; the trail records it after the rollback.
 */
public record GateSigningRefused(String username, String taskId, String partNumber, String reason) {
}
