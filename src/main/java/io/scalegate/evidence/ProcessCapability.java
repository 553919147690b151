package io.scalegate.evidence;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Process capability of the product: the latest study of each characteristic, and the
 * weakest Cpk among them (a part is only as capable as its least capable characteristic);
 * {@code null} without studies.
 */
record ProcessCapability(Map<String, CapabilityStudy> latestByCharacteristic, Double weakestCpk) {

	static ProcessCapability of(List<CapabilityStudy> studies) {
		Map<String, CapabilityStudy> latest = studies.stream()
			.collect(Collectors.toMap(CapabilityStudy::characteristic, Function.identity(), (a, b) -> newer(a, b)));
		Double weakest = latest.values().stream().map(CapabilityStudy::cpk).min(Comparator.naturalOrder()).orElse(null);
		return new ProcessCapability(Map.copyOf(latest), weakest);
	}

	private static CapabilityStudy newer(CapabilityStudy a, CapabilityStudy b) {
		int byDate = a.studiedOn().compareTo(b.studiedOn());
		if (byDate != 0) {
			return byDate > 0 ? a : b;
		}
		return (a.id() == null ? 0 : a.id()) >= (b.id() == null ? 0 : b.id()) ? a : b;
	}

}
