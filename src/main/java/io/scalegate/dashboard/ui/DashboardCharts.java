package io.scalegate.dashboard.ui;

import com.vaadin.flow.component.Svg;
import io.scalegate.dashboard.CumulativeFlow;
import io.scalegate.dashboard.Portfolio.CycleTime;
import io.scalegate.product.Stage;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The dashboard's charts as SVG drawn on the server (Vaadin Charts is commercial; no
 * script): the cumulative flow as stacked areas per stage by week, and the cycle times as
 * bars of the median with a marker at the 90th percentile. Lumo colours, a legend, a
 * title and a description for screen readers, the width of their container.
 */
final class DashboardCharts {

	private static final int WIDTH = 720;

	private static final int LEFT = 48;

	private static final int RIGHT = 12;

	private static final int TOP = 34;

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH)
		.withZone(ZoneOffset.UTC);

	/** Bottom to top: the ends first, so the running stages ride on them. */
	static final List<Stage> STACK = List.of(Stage.MASS_PRODUCTION, Stage.ONE_STOP_SCALE_PLANNING, Stage.CANCELLED,
			Stage.SMALL_BATCH, Stage.PROTOTYPE);

	private DashboardCharts() {
	}

	static String colour(Stage stage) {
		return switch (stage) {
			case PROTOTYPE -> "var(--lumo-primary-color-50pct)";
			case SMALL_BATCH -> "var(--lumo-primary-color)";
			case MASS_PRODUCTION -> "var(--lumo-success-color)";
			case ONE_STOP_SCALE_PLANNING -> "var(--lumo-success-color-50pct)";
			case CANCELLED -> "var(--lumo-contrast-30pct)";
		};
	}

	/** Products per stage at each week's start and now, stacked. */
	static Svg cumulativeFlow(CumulativeFlow flow) {
		int height = 260;
		int bottom = 28;
		List<Instant> points = flow.points();
		String description = "Products per stage from " + DAY.format(points.get(0)) + " to "
				+ DAY.format(points.get(points.size() - 1)) + "; now: " + summary(flow.counts().get(points.size() - 1));
		StringBuilder svg = open("cumulative-flow-chart", height, "Cumulative flow: products per stage by week",
				description);
		legend(svg, STACK.stream().map(s -> new String[] { s.label(), colour(s) }).toList());
		// whole products on every grid line: a multiple of four
		long max = Math.max(4, flow.maxTotal());
		double top = max <= 40 ? Math.ceil(max / 4.0) * 4 : niceCeiling(max);
		double plot = height - bottom - TOP;
		axes(svg, top, height, bottom);
		int n = points.size();
		double step = n == 1 ? 0 : (WIDTH - LEFT - RIGHT) / (double) (n - 1);
		double[] lower = new double[n];
		for (Stage stage : STACK) {
			double[] upper = new double[n];
			for (int i = 0; i < n; i++) {
				upper[i] = lower[i] + flow.counts().get(i).getOrDefault(stage, 0L);
			}
			StringBuilder path = new StringBuilder();
			for (int i = 0; i < n; i++) {
				path.append(String.format(Locale.ROOT, "%.1f,%.1f ", x(i, step, n),
						height - bottom - plot * upper[i] / top));
			}
			for (int i = n - 1; i >= 0; i--) {
				path.append(String.format(Locale.ROOT, "%.1f,%.1f ", x(i, step, n),
						height - bottom - plot * lower[i] / top));
			}
			long first = flow.counts().get(0).getOrDefault(stage, 0L);
			long last = flow.counts().get(n - 1).getOrDefault(stage, 0L);
			svg.append("<polygon class=\"area\" points=\"")
				.append(path.toString().strip())
				.append("\" style=\"fill:")
				.append(colour(stage))
				.append(";stroke:var(--lumo-base-color);stroke-width:0.5\"><title>")
				.append(escape(
						stage.label() + ": " + first + " on " + DAY.format(points.get(0)) + ", " + last + " now"))
				.append("</title></polygon>");
			lower = upper;
		}
		int every = Math.max(1, (int) Math.ceil(n / 9.0));
		for (int i = 0; i < n; i += every) {
			svg.append(text(x(i, step, n), height - bottom + 16, DAY.format(points.get(i)), "middle"));
		}
		return close(svg, "cumulative-flow-chart");
	}

	private static double x(int i, double step, int n) {
		return n == 1 ? LEFT + (WIDTH - LEFT - RIGHT) / 2.0 : LEFT + i * step;
	}

	/**
	 * One bar per stage or gate: the median in days, a marker at the 90th percentile, the
	 * numbers and the count of products at the bar's end.
	 */
	static Svg cycleTimes(String id, String title, List<CycleTime> times) {
		int row = 30;
		int labelWidth = 170;
		int height = TOP + row * Math.max(1, times.size()) + 24;
		StringBuilder description = new StringBuilder();
		for (CycleTime time : times) {
			description.append(time.label())
				.append(": ")
				.append(time.samples() == 0 ? "no measurement"
						: "median " + days(time.median()) + ", 90th percentile " + days(time.p90()) + ", "
								+ count(time.partNumbers().size()))
				.append(". ");
		}
		StringBuilder svg = open(id, height, title, description.toString().strip());
		legend(svg, List.of(new String[] { "median", "var(--lumo-primary-color)" },
				new String[] { "90th percentile", "var(--lumo-error-color)" }));
		double max = niceCeiling(Math.max(1,
				times.stream()
					.filter(t -> t.p90() != null)
					.mapToDouble(t -> t.p90().toMinutes() / 1440.0)
					.max()
					.orElse(1)));
		double width = WIDTH - labelWidth - RIGHT - 150;
		for (int i = 0; i <= 4; i++) {
			double gx = labelWidth + width * i / 4;
			svg.append(line(gx, TOP, gx, height - 22, "var(--lumo-contrast-10pct)", false));
			svg.append(text(gx, height - 8, String.format(Locale.ROOT, "%s d", trim(max * i / 4)), "middle"));
		}
		for (int i = 0; i < times.size(); i++) {
			CycleTime time = times.get(i);
			double y = TOP + i * row;
			svg.append(text(labelWidth - 8, y + row / 2.0 + 4, time.label(), "end", "var(--lumo-body-text-color)"));
			if (time.samples() == 0) {
				svg.append(text(labelWidth + 4, y + row / 2.0 + 4, "no measurement in the period", "start"));
				continue;
			}
			double median = width * (time.median().toMinutes() / 1440.0) / max;
			double p90 = width * (time.p90().toMinutes() / 1440.0) / max;
			svg.append(String.format(Locale.ROOT,
					"<rect class=\"median\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" style=\"fill:var(--lumo-primary-color)\"><title>%s</title></rect>",
					(double) labelWidth, y + 7, Math.max(1, median), row - 14.0,
					escape(time.label() + ": median " + days(time.median()))));
			svg.append(String.format(Locale.ROOT,
					"<line class=\"p90\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke-width=\"3\" style=\"stroke:var(--lumo-error-color)\"><title>%s</title></line>",
					labelWidth + p90, y + 3, labelWidth + p90, y + row - 3.0,
					escape(time.label() + ": 90th percentile " + days(time.p90()))));
			svg.append(text(labelWidth + Math.max(median, p90) + 8, y + row / 2.0 + 4,
					days(time.median()) + " · P90 " + days(time.p90()) + " · " + count(time.partNumbers().size()),
					"start"));
		}
		return close(svg, id);
	}

	/** A duration in days with one decimal ("2.5 d"). */
	static String days(Duration duration) {
		return duration == null ? "—" : trim(duration.toMinutes() / 1440.0) + " d";
	}

	private static String trim(double value) {
		String text = String.format(Locale.ROOT, "%.1f", value);
		return text.endsWith(".0") ? text.substring(0, text.length() - 2) : text;
	}

	private static String count(long products) {
		return products == 1 ? "1 product" : products + " products";
	}

	private static String summary(Map<Stage, Long> counts) {
		List<String> parts = new ArrayList<>();
		for (Stage stage : STACK) {
			parts.add(stage.label() + " " + counts.getOrDefault(stage, 0L));
		}
		return String.join(", ", parts);
	}

	private static void legend(StringBuilder svg, List<String[]> entries) {
		double x = LEFT;
		for (String[] entry : entries) {
			svg.append(String.format(Locale.ROOT,
					"<rect x=\"%.1f\" y=\"8\" width=\"12\" height=\"12\" style=\"fill:%s\"/>", x, entry[1]));
			svg.append(text(x + 16, 18, entry[0], "start", "var(--lumo-body-text-color)"));
			x += 28 + entry[0].length() * 6.5;
		}
	}

	private static void axes(StringBuilder svg, double top, int height, int bottom) {
		double plot = height - bottom - TOP;
		for (int i = 0; i <= 4; i++) {
			double value = top * i / 4;
			double y = height - bottom - plot * i / 4;
			svg.append(line(LEFT, y, WIDTH - RIGHT, y, "var(--lumo-contrast-10pct)", false));
			svg.append(text(LEFT - 6, y + 4, trim(value), "end"));
		}
	}

	/** The smallest 1, 2, 2.5 or 5 times a power of ten at or above {@code value}. */
	static double niceCeiling(double value) {
		double power = Math.pow(10, Math.floor(Math.log10(value)));
		for (double step : new double[] { 1, 2, 2.5, 5, 10 }) {
			if (step * power >= value) {
				return step * power;
			}
		}
		return 10 * power;
	}

	private static StringBuilder open(String id, int height, String title, String description) {
		return new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"" + id + "\" viewBox=\"0 0 " + WIDTH
				+ " " + height + "\" width=\"100%\" role=\"img\" aria-labelledby=\"" + id + "-title " + id
				+ "-desc\" style=\"display:block;font-family:var(--lumo-font-family);font-size:11px\"><title id=\"" + id
				+ "-title\">" + escape(title) + "</title><desc id=\"" + id + "-desc\">" + escape(description)
				+ "</desc>");
	}

	private static Svg close(StringBuilder svg, String id) {
		Svg chart = new Svg(svg.append("</svg>").toString());
		chart.setId(id + "-box");
		chart.getElement().getStyle().set("width", "100%").set("max-width", "860px");
		return chart;
	}

	private static String line(double x1, double y1, double x2, double y2, String colour, boolean dashed) {
		return String.format(Locale.ROOT,
				"<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" style=\"stroke:%s\"%s/>", x1, y1, x2, y2, colour,
				dashed ? " stroke-dasharray=\"4 3\"" : "");
	}

	private static String text(double x, double y, String text, String anchor) {
		return text(x, y, text, anchor, "var(--lumo-secondary-text-color)");
	}

	private static String text(double x, double y, String text, String anchor, String colour) {
		return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" style=\"fill:%s\">%s</text>",
				x, y, anchor, colour, escape(text));
	}

	static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}

}
