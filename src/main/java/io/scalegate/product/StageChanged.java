package io.scalegate.product;

/** Published in the transaction that moves a product to another stage. */
public record StageChanged(String partNumber, Stage from, Stage to) {
}
