package io.scalegate.model.migration;

import io.scalegate.base.AuditAction;
import io.scalegate.base.AuditNote;
import io.scalegate.base.AuditSubject;
import io.scalegate.base.Audited;
import java.util.List;
import java.util.Map;

/**
 * A process owner started moving running products from one lifecycle version to another
 * (a Camunda batch).
 */
record InstancesMigrated(String batchId, String sourceDefinitionId, String targetDefinitionId, List<String> partNumbers,
		String by) implements Audited {

	@Override
	public AuditNote audit() {
		return new AuditNote(AuditAction.INSTANCES_MIGRATED, AuditSubject.MODEL, targetDefinitionId, by, Map
			.of("batchId", batchId, "from", sourceDefinitionId, "to", targetDefinitionId, "products", partNumbers));
	}

}
