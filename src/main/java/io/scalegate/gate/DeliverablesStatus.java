package io.scalegate.gate;

import java.util.List;
import java.util.Set;

/**
 * The deliverables checklist of one gate for one product: the document kinds the gate
 * requires (in the checklist's order), the kinds on file, and the required ones missing.
 */
public record DeliverablesStatus(String gate, List<String> required, Set<String> onFile, List<String> missing) {

	public DeliverablesStatus {
		required = List.copyOf(required);
		onFile = Set.copyOf(onFile);
		missing = List.copyOf(missing);
	}

	/** The status of {@code required} against {@code onFile}. */
	public static DeliverablesStatus of(String gate, List<String> required, Set<String> onFile) {
		List<String> distinct = required.stream().distinct().toList();
		return new DeliverablesStatus(gate, distinct, onFile,
				distinct.stream().filter(kind -> !onFile.contains(kind)).toList());
	}

	/** Every required kind is on file. */
	public boolean complete() {
		return missing.isEmpty();
	}

	/**
	 * The gate input {@code missingDeliverables}: the missing kinds joined by commas, ""
	 * when none is missing.
	 */
	public String missingDeliverables() {
		return String.join(",", missing);
	}

}
