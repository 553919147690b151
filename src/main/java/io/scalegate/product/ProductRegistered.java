package io.scalegate.product;

/** Published in the registering transaction; the lifecycle process starts on it. */
public record ProductRegistered(long productId, String partNumber, String registeredBy) {
}
