package io.scalegate.evidence;

import io.scalegate.base.Checks;
import java.time.Instant;
import java.time.LocalDate;

/** A design change record: its number, when it took effect and what changed. */
public record DesignChangeEntry(String changeNumber, LocalDate changedOn,
		String description) implements EvidenceEntry<DesignChange> {

	@Override
	public EvidenceKind kind() {
		return EvidenceKind.DESIGN_CHANGE;
	}

	@Override
	public void check(Checks checks, LocalDate today) {
		checks.text("changeNumber", changeNumber, 64);
		checks.required("changedOn", changedOn);
		EvidenceEntry.notInFuture(checks, "changedOn", changedOn, today);
		checks.text("description", description, 2000);
	}

	@Override
	public String uniqueValue() {
		return changeNumber == null ? null : changeNumber.strip();
	}

	@Override
	public DesignChange toRow(Long id, long productId, String recordedBy, Instant recordedAt) {
		return new DesignChange(id, productId, changeNumber.strip(), changedOn, description.strip(), recordedBy,
				recordedAt);
	}

	public static DesignChangeEntry of(DesignChange change) {
		return new DesignChangeEntry(change.changeNumber(), change.changedOn(), change.description());
	}

}
