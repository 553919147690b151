package io.scalegate.dashboard;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a number on the dashboard counts, so that its products can be listed: a kind and
 * its parameters, as the drill-down's address carries them
 * ({@code /dashboard/products?figure=outcome&gate=gateReview&round=2&decision=KILL}).
 */
public record Figure(String kind, Map<String, String> parameters) {

	public static final String STAGE_AT = "stage-at";

	public static final String STAGE_TIME = "stage-time";

	public static final String GATE_TIME = "gate-time";

	public static final String OUTCOME = "outcome";

	public static final String WAITING = "waiting";

	public static final String OVERDUE = "overdue";

	public Figure {
		parameters = Map.copyOf(parameters);
	}

	static Figure of(String kind, String... nameValues) {
		Map<String, String> parameters = new LinkedHashMap<>();
		for (int i = 0; i + 1 < nameValues.length; i += 2) {
			parameters.put(nameValues[i], nameValues[i + 1]);
		}
		return new Figure(kind, parameters);
	}

	public String parameter(String name) {
		return parameters.get(name);
	}

}
