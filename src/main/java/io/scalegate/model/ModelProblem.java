package io.scalegate.model;

/**
 * One reason a model cannot be deployed: the file, the element (id, or line:column), and
 * a plain message.
 */
public record ModelProblem(String file, String element, String message) {
}
