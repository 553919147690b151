package io.scalegate.task;

/** Published in the transaction in which a signature completed a task. */
public record TaskSigned(Signature signature) {
}
