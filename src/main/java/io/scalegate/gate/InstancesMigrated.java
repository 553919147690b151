package io.scalegate.gate;

import java.util.List;

/**
 * A process owner started moving running products from one lifecycle version to another
 * (a Camunda batch).
 */
public record InstancesMigrated(String batchId, String sourceDefinitionId, String targetDefinitionId,
		List<String> partNumbers, String by) {
}
