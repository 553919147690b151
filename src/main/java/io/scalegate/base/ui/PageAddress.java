package io.scalegate.base.ui;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.QueryParameters;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A page's search, filters, tab or selected decision in the query of its address
 * ({@code ?search=brk&stage=PROTOTYPE}, {@code ?tab=quality}), so that Back, a reload, a
 * bookmark and a shared link keep them. Pages read the query in {@code beforeEnter}
 * ({@code event.getLocation().getQueryParameters()}) and write it here. A value the page
 * does not know is ignored: the page opens as if the parameter were not there.
 * <p>
 * {@link #replace} changes the address without a history entry: typing and filtering
 * would otherwise leave one per key stroke, and Back would replay them instead of leaving
 * the page. {@link #push} adds one, for a choice between views of the same thing (an
 * evidence tab, a decision), so that Back returns to the previous one.
 */
public final class PageAddress {

	private PageAddress() {
	}

	/**
	 * Shows {@code parameters} in the address, without a history entry; blanks left out.
	 */
	public static void replace(Map<String, List<String>> parameters) {
		write(parameters, false);
	}

	/**
	 * Shows {@code parameters} in the address as a new history entry; blanks left out.
	 */
	public static void push(Map<String, List<String>> parameters) {
		write(parameters, true);
	}

	private static void write(Map<String, List<String>> parameters, boolean push) {
		UI ui = UI.getCurrent();
		Map<String, List<String>> kept = new LinkedHashMap<>();
		parameters.forEach((name, values) -> {
			List<String> present = values.stream().filter(value -> value != null && !value.isBlank()).toList();
			if (!present.isEmpty()) {
				kept.put(name, present);
			}
		});
		Location location = new Location(ui.getActiveViewLocation().getPath(), new QueryParameters(kept));
		if (location.getPathWithQueryParameters().equals(shown(ui).getPathWithQueryParameters())) {
			return;
		}
		if (push) {
			ui.getPage().getHistory().pushState(null, location);
		}
		else {
			ui.getPage().getHistory().replaceState(null, location);
		}
		ComponentUtil.setData(ui, Written.class, new Written(ui.getActiveViewLocation(), location));
	}

	/**
	 * The address the browser shows now: the one navigated to, or the one written since.
	 */
	public static Location shown(UI ui) {
		Location navigated = ui.getActiveViewLocation();
		Written written = ComponentUtil.getData(ui, Written.class);
		return written != null && written.after() == navigated ? written.location() : navigated;
	}

	/** The first non-blank value of {@code name}. */
	public static Optional<String> value(QueryParameters query, String name) {
		return query.getParameters(name).stream().filter(value -> !value.isBlank()).findFirst();
	}

	/**
	 * The values of {@code name} that {@code parse} knows (it returns null for others).
	 */
	public static <T> List<T> values(QueryParameters query, String name, Function<String, T> parse) {
		return query.getParameters(name).stream().map(value -> {
			try {
				return parse.apply(value);
			}
			catch (RuntimeException unknown) {
				return null;
			}
		}).filter(value -> value != null).toList();
	}

	/** The first value of {@code name} that {@code parse} knows. */
	public static <T> Optional<T> value(QueryParameters query, String name, Function<String, T> parse) {
		return values(query, name, parse).stream().findFirst();
	}

	/**
	 * An address written after the navigation to {@code after}; stale after the next one.
	 */
	private record Written(Location after, Location location) {
	}

}
