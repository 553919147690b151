package io.scalegate.model;

/**
 * A model file as uploaded or deployed: its name (the extension says what it is) and its
 * bytes.
 */
public record ModelFile(String name, byte[] content) {
}
