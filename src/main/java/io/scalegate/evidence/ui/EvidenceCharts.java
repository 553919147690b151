package io.scalegate.evidence.ui;

import com.vaadin.flow.component.Svg;
import io.scalegate.evidence.CostEstimate;
import io.scalegate.evidence.DemandSummary;
import io.scalegate.evidence.SmallBatch;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Small SVG charts drawn on the server (Vaadin Charts is commercial): monthly demand with
 * its mean, batch on-time and first-pass-yield trends, and the tooling payback curve.
 * Lumo colours, no script.
 */
final class EvidenceCharts {

	private static final int WIDTH = 640;

	private static final int HEIGHT = 200;

	private static final int LEFT = 56;

	private static final int BOTTOM = 28;

	private static final int TOP = 16;

	private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yy", Locale.ENGLISH);

	private EvidenceCharts() {
	}

	/**
	 * Bars of monthly quantity over the demand window, the mean as a line, mean and CV in
	 * the caption.
	 */
	static Svg demand(DemandSummary demand) {
		Map<YearMonth, Long> months = demand.monthlyQuantity();
		StringBuilder svg = open("demand-chart", "Monthly demand");
		if (months.isEmpty()) {
			return close(svg.append(empty("No orders recorded yet")));
		}
		double max = niceCeiling(Math.max(4, months.values().stream().mapToLong(Long::longValue).max().orElse(1)));
		axes(svg, max, v -> String.format(Locale.ROOT, "%,.0f", v));
		double slot = (WIDTH - LEFT - 8) / (double) months.size();
		int i = 0;
		for (Map.Entry<YearMonth, Long> month : months.entrySet()) {
			double h = plotHeight() * month.getValue() / max;
			double x = LEFT + i * slot + slot * 0.15;
			svg.append(rect(x, HEIGHT - BOTTOM - h, slot * 0.7, h, "var(--lumo-primary-color-50pct)",
					month.getKey() + ": " + month.getValue()));
			if (months.size() <= 12 || i % 2 == 0) {
				svg.append(text(x + slot * 0.35, HEIGHT - BOTTOM + 14, MONTH.format(month.getKey()), "middle"));
			}
			i++;
		}
		double meanY = HEIGHT - BOTTOM - plotHeight() * demand.meanMonthlyQuantity() / max;
		svg.append(line(LEFT, meanY, WIDTH - 8, meanY, "var(--lumo-error-color)", true));
		svg.append(
				text(WIDTH - 8, meanY - 4,
						String
							.format(Locale.ROOT, "mean %,.0f · CV %s", demand.meanMonthlyQuantity(),
									demand.coefficientOfVariation() == null ? "—"
											: String.format(Locale.ROOT, "%.2f", demand.coefficientOfVariation())),
						"end"));
		return close(svg);
	}

	/**
	 * Running on-time rate and running first-pass yield over delivered batches, in
	 * delivery order.
	 */
	static Svg batches(List<SmallBatch> batches) {
		List<SmallBatch> delivered = batches.stream().filter(SmallBatch::delivered).toList();
		StringBuilder svg = open("batch-chart", "Small batch on-time and yield trend");
		if (delivered.isEmpty()) {
			return close(svg.append(empty("No delivered batches yet")));
		}
		axes(svg, 1, v -> String.format(Locale.ROOT, "%.0f%%", v * 100));
		List<double[]> onTime = new ArrayList<>();
		List<double[]> yield = new ArrayList<>();
		long onTimeCount = 0;
		long quantity = 0;
		long good = 0;
		for (int i = 0; i < delivered.size(); i++) {
			SmallBatch batch = delivered.get(i);
			onTimeCount += batch.onTime() ? 1 : 0;
			quantity += batch.quantity();
			good += batch.conforming() ? batch.quantity() : 0;
			double x = delivered.size() == 1 ? LEFT + (WIDTH - LEFT) / 2.0
					: LEFT + 8 + i * (WIDTH - LEFT - 24) / (double) (delivered.size() - 1);
			onTime.add(new double[] { x, y((double) onTimeCount / (i + 1)) });
			yield.add(new double[] { x, y((double) good / quantity) });
		}
		svg.append(polyline(onTime, "var(--lumo-primary-color)"));
		svg.append(polyline(yield, "var(--lumo-success-color)"));
		svg.append(text(LEFT + 8, TOP + 10, "— on time (running)", "start", "var(--lumo-primary-color)"));
		svg.append(text(LEFT + 180, TOP + 10, "— first-pass yield (running)", "start", "var(--lumo-success-color)"));
		return close(svg);
	}

	/**
	 * Cumulative saving of mass over small-batch unit cost against the tooling
	 * investment, over five years.
	 */
	static Svg payback(CostEstimate cost) {
		StringBuilder svg = open("payback-chart", "Tooling payback");
		if (cost == null) {
			return close(svg.append(empty("No cost estimate recorded yet")));
		}
		double perYear = (cost.smallBatchUnitCost().doubleValue() - cost.massUnitCost().doubleValue())
				* cost.forecastAnnualVolume();
		double tooling = cost.toolingInvestment().doubleValue();
		int years = 5;
		double max = niceCeiling(Math.max(tooling * 1.2, Math.max(perYear * years, 4)));
		axes(svg, max, v -> String.format(Locale.ROOT, "%,.0f", v));
		List<double[]> curve = new ArrayList<>();
		for (int month = 0; month <= years * 12; month++) {
			double saving = Math.max(0, perYear * month / 12.0);
			curve.add(new double[] { LEFT + (WIDTH - LEFT - 8) * month / (years * 12.0),
					HEIGHT - BOTTOM - plotHeight() * Math.min(saving, max) / max });
		}
		svg.append(polyline(curve, "var(--lumo-success-color)"));
		double toolingY = HEIGHT - BOTTOM - plotHeight() * tooling / max;
		svg.append(line(LEFT, toolingY, WIDTH - 8, toolingY, "var(--lumo-error-color)", true));
		svg.append(text(WIDTH - 8, toolingY - 4,
				String.format(Locale.ROOT, "tooling %,.0f %s", tooling, cost.currency()), "end"));
		for (int year = 1; year <= years; year++) {
			svg.append(text(LEFT + (WIDTH - LEFT - 8) * year / (double) years, HEIGHT - BOTTOM + 14, "year " + year,
					"middle"));
		}
		String payback = perYear <= 0 ? "never pays back (mass unit cost not below small-batch cost)"
				: String.format(Locale.ROOT, "pays back in %.1f years", tooling / perYear);
		svg.append(text(LEFT + 8, TOP + 10, "— cumulative unit-cost saving · " + payback, "start",
				"var(--lumo-success-color)"));
		return close(svg);
	}

	private static double plotHeight() {
		return HEIGHT - BOTTOM - TOP;
	}

	private static double y(double share) {
		return HEIGHT - BOTTOM - plotHeight() * share;
	}

	private static StringBuilder open(String id, String title) {
		return new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"" + id + "\" viewBox=\"0 0 " + WIDTH
				+ " " + HEIGHT
				+ "\" width=\"100%\" role=\"img\" style=\"display:block;font-family:var(--lumo-font-family);font-size:11px\"><title>"
				+ escape(title) + "</title>");
	}

	private static Svg close(StringBuilder svg) {
		Svg chart = new Svg(svg.append("</svg>").toString());
		chart.getElement()
			.getStyle()
			.set("width", "100%")
			.set("max-width", "760px")
			.set("margin-bottom", "var(--lumo-space-s)");
		return chart;
	}

	/**
	 * The smallest 1, 2, 2.5 or 5 times a power of ten at or above {@code value}: round
	 * axis ticks.
	 */
	static double niceCeiling(double value) {
		double power = Math.pow(10, Math.floor(Math.log10(value)));
		for (double step : new double[] { 1, 2, 2.5, 5, 10 }) {
			if (step * power >= value) {
				return step * power;
			}
		}
		return 10 * power;
	}

	private static void axes(StringBuilder svg, double max, java.util.function.DoubleFunction<String> label) {
		for (int i = 0; i <= 4; i++) {
			double value = max * i / 4;
			double y = HEIGHT - BOTTOM - plotHeight() * i / 4;
			svg.append(line(LEFT, y, WIDTH - 8, y, "var(--lumo-contrast-10pct)", false));
			svg.append(text(LEFT - 6, y + 4, label.apply(value), "end"));
		}
	}

	private static String empty(String message) {
		return text(WIDTH / 2.0, HEIGHT / 2.0, message, "middle");
	}

	private static String rect(double x, double y, double w, double h, String fill, String title) {
		return String.format(Locale.ROOT,
				"<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" style=\"fill:%s\"><title>%s</title></rect>",
				x, y, w, h, fill, escape(title));
	}

	private static String line(double x1, double y1, double x2, double y2, String colour, boolean dashed) {
		return String.format(Locale.ROOT,
				"<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" style=\"stroke:%s\"%s/>", x1, y1, x2, y2, colour,
				dashed ? " stroke-dasharray=\"4 3\"" : "");
	}

	private static String polyline(List<double[]> points, String colour) {
		StringBuilder path = new StringBuilder();
		for (double[] p : points) {
			path.append(String.format(Locale.ROOT, "%.1f,%.1f ", p[0], p[1]));
		}
		return "<polyline fill=\"none\" stroke-width=\"2\" style=\"stroke:" + colour + "\" points=\""
				+ path.toString().strip() + "\"/>";
	}

	private static String text(double x, double y, String text, String anchor) {
		return text(x, y, text, anchor, "var(--lumo-secondary-text-color)");
	}

	private static String text(double x, double y, String text, String anchor, String colour) {
		return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" style=\"fill:%s\">%s</text>",
				x, y, anchor, colour, escape(text));
	}

	private static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}

}
