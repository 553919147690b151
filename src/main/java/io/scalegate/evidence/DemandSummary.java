package io.scalegate.evidence;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Monthly demand over the window: how many calendar months of history there are (from the
 * first month with an order to the latest, months without orders counting as zero) and
 * the coefficient of variation of the monthly quantity (sample standard deviation /
 * mean). The CV is {@code null} where it is undefined: fewer than two months, or no
 * quantity at all.
 */
public record DemandSummary(int months, Double coefficientOfVariation, double meanMonthlyQuantity,
		Map<YearMonth, Long> monthlyQuantity) {

	public static DemandSummary of(List<CustomerOrder> orders, int windowMonths) {
		TreeMap<YearMonth, Long> totals = new TreeMap<>();
		for (CustomerOrder order : orders) {
			totals.merge(YearMonth.from(order.orderMonth()), (long) order.quantity(), Long::sum);
		}
		if (totals.isEmpty()) {
			return new DemandSummary(0, null, 0, Map.of());
		}
		YearMonth last = totals.lastKey();
		YearMonth windowStart = last.minusMonths(windowMonths - 1L);
		YearMonth first = totals.firstKey().isBefore(windowStart) ? windowStart : totals.firstKey();
		TreeMap<YearMonth, Long> series = new TreeMap<>();
		for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
			series.put(month, totals.getOrDefault(month, 0L));
		}
		int n = series.size();
		double mean = series.values().stream().mapToLong(Long::longValue).average().orElse(0);
		Double cv = null;
		if (n >= 2 && mean > 0) {
			double squares = series.values().stream().mapToDouble(q -> (q - mean) * (q - mean)).sum();
			cv = Math.sqrt(squares / (n - 1)) / mean;
		}
		return new DemandSummary(n, cv, mean, series);
	}

}
