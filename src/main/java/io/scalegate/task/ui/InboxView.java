package io.scalegate.task.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import io.scalegate.base.InvalidInput;
import io.scalegate.base.ui.ErrorHandling;
import io.scalegate.base.ui.PageAddress;
import io.scalegate.security.CurrentUser;
import io.scalegate.security.Role;
import io.scalegate.security.UserAccount;
import io.scalegate.task.Inbox;
import io.scalegate.task.InboxFilter;
import io.scalegate.task.InboxFilter.Due;
import io.scalegate.task.InboxFilter.Scope;
import io.scalegate.task.InboxTask;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Where engineering, quality, supplier quality and gatekeepers find their gate work: my
 * tasks, my groups' tasks and (gatekeepers, admins) all open tasks, filtered and sorted
 * in the database, with a count on each tab, refreshed every few seconds so a colleague's
 * claim or completion shows up.
 */
@Route("inbox")
@PageTitle("Inbox | ScaleGate")
@Menu(order = 1, title = "Inbox", icon = "vaadin:inbox")
@RolesAllowed({ "ENGINEER", "QUALITY", "SUPPLIER_QUALITY", "GATEKEEPER", "ADMIN" })
class InboxView extends VerticalLayout implements BeforeEnterObserver {

	static final int POLL_MILLIS = 10_000;

	/**
	 * Below this window width (phones, tablets) the grid shows each task as a card: its
	 * name with part number, product, stage, due date and assignee beneath, and its
	 * buttons; the other columns are hidden.
	 */
	static final int CARD_BELOW_PX = 1024;

	static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

	private final Inbox inbox;

	private final UserAccount user;

	private final Grid<InboxTask> grid = new Grid<>(InboxTask.class, false);

	private final Map<Scope, Tab> tabs = new EnumMap<>(Scope.class);

	private InboxFilter filter;

	private Registration poll;

	private Tabs scopes;

	private Select<String> taskFilter;

	private TextField productFilter;

	private Select<Due> dueFilter;

	/** While the filters are set from the address, which then needs no writing. */
	private boolean restoring;

	private Registration resize;

	private final List<Grid.Column<InboxTask>> wideOnly = new java.util.ArrayList<>();

	private boolean cards;

	private Grid.Column<InboxTask> taskColumn;

	InboxView(Inbox inbox, CurrentUser currentUser) {
		this.inbox = inbox;
		this.user = currentUser.get();
		this.filter = InboxFilter.of(Scope.MY_GROUPS);
		setSizeFull();
		add(new H2("Inbox"), scopeTabs(), filters(), grid());
		// counted and listed in beforeEnter, with the filters of the address
	}

	private Tabs scopeTabs() {
		Tabs scopes = new Tabs();
		this.scopes = scopes;
		scopes.setId("inbox-scopes");
		for (Scope scope : Scope.values()) {
			if (scope == Scope.ALL && !Inbox.seesAll(user.roles())) {
				continue;
			}
			Tab tab = new Tab(scope.label());
			tab.setId("scope-" + scope.name());
			tabs.put(scope, tab);
			scopes.add(tab);
		}
		scopes.setSelectedTab(tabs.get(Scope.MY_GROUPS));
		scopes.addSelectedChangeListener(event -> tabs.forEach((scope, tab) -> {
			if (tab == event.getSelectedTab()) {
				filter = filter.withScope(scope);
				refresh();
			}
		}));
		scopes.addSelectedChangeListener(event -> remember());
		return scopes;
	}

	private HorizontalLayout filters() {
		Select<String> type = new Select<>();
		type.setLabel("Task");
		type.setId("filter-task");
		type.setItems(TaskNames.KEYS);
		type.setEmptySelectionAllowed(true);
		type.setEmptySelectionCaption("All tasks");
		type.setItemLabelGenerator(key -> key == null ? "All tasks" : TaskNames.of(key));
		type.addValueChangeListener(e -> {
			filter = new InboxFilter(filter.scope(), e.getValue(), filter.product(), filter.due());
			refresh();
		});
		type.addValueChangeListener(e -> remember());
		taskFilter = type;
		TextField product = new TextField("Product");
		product.setId("filter-product");
		product.setPlaceholder("Part number");
		product.setClearButtonVisible(true);
		product.setValueChangeMode(ValueChangeMode.LAZY);
		product.addValueChangeListener(e -> {
			filter = new InboxFilter(filter.scope(), filter.taskKey(), e.getValue(), filter.due());
			refresh();
		});
		product.addValueChangeListener(e -> remember());
		productFilter = product;
		Select<Due> due = new Select<>();
		due.setLabel("Due");
		due.setId("filter-due");
		due.setItems(Due.values());
		due.setItemLabelGenerator(Due::label);
		due.setValue(Due.ANY);
		due.addValueChangeListener(e -> {
			filter = new InboxFilter(filter.scope(), filter.taskKey(), filter.product(), e.getValue());
			refresh();
		});
		due.addValueChangeListener(e -> remember());
		dueFilter = due;
		HorizontalLayout bar = new HorizontalLayout(type, product, due);
		bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
		bar.getStyle().set("flex-wrap", "wrap");
		bar.setWidthFull();
		bar.addClassName("inbox-filters");
		return bar;
	}

	/**
	 * Sets the scope and filters from the address
	 * ({@code ?scope=MINE&task=…&product=…&due=
	 * OVERDUE}); a scope the person does not see, or a task or due they do not know, is
	 * ignored.
	 */
	@Override
	public void beforeEnter(BeforeEnterEvent event) {
		QueryParameters query = event.getLocation().getQueryParameters();
		restoring = true;
		Scope scope = PageAddress.value(query, "scope", Scope::valueOf)
			.filter(tabs::containsKey)
			.orElse(Scope.MY_GROUPS);
		scopes.setSelectedTab(tabs.get(scope));
		taskFilter.setValue(PageAddress.value(query, "task").filter(TaskNames.KEYS::contains).orElse(null));
		productFilter.setValue(PageAddress.value(query, "product").orElse(""));
		dueFilter.setValue(PageAddress.value(query, "due", Due::valueOf).orElse(Due.ANY));
		restoring = false;
		refresh();
	}

	/** The scope or a filter changed: the address follows, without a history entry. */
	private void remember() {
		if (restoring) {
			return;
		}
		Map<String, List<String>> query = new LinkedHashMap<>();
		query.put("scope", filter.scope() == Scope.MY_GROUPS ? List.of() : List.of(filter.scope().name()));
		query.put("task", filter.taskKey() == null ? List.of() : List.of(filter.taskKey()));
		query.put("product", filter.product() == null ? List.of() : List.of(filter.product()));
		query.put("due", filter.due() == null || filter.due() == Due.ANY ? List.of() : List.of(filter.due().name()));
		PageAddress.replace(query);
	}

	private Grid<InboxTask> grid() {
		grid.setId("inbox");
		taskColumn = grid.addComponentColumn(task -> {
			Span name = new Span(task.name());
			if (task.priority() >= 100) {
				name.add(escalated());
			}
			if (task.forAbsent()) {
				name.add(forAbsent(task));
			}
			if (cards) {
				return card(name, task);
			}
			return name;
		}).setHeader("Task").setKey("NAME").setSortable(true).setAutoWidth(true).setFlexGrow(1);
		wideOnly.add(grid.addColumn(InboxTask::partNumber).setHeader("Part number").setAutoWidth(true));
		wideOnly.add(grid.addColumn(InboxTask::productName).setHeader("Product").setAutoWidth(true));
		wideOnly.add(grid.addColumn(InboxTask::stage).setHeader("Stage").setAutoWidth(true));
		wideOnly.add(grid.addComponentColumn(task -> {
			Span due = new Span(task.due() == null ? "" : DAY.format(task.due()));
			if (task.overdue()) {
				due.setText(due.getText() + " overdue");
				due.getElement().getThemeList().add("badge error");
			}
			return due;
		}).setHeader("Due").setKey("DUE").setSortable(true).setAutoWidth(true));
		wideOnly.add(grid.addColumn(task -> task.assignee() == null ? "—" : task.assignee())
			.setHeader("Assignee")
			.setKey("ASSIGNEE")
			.setSortable(true)
			.setAutoWidth(true));
		// kept at the right edge, in reach however wide the other columns are
		grid.addComponentColumn(this::actions)
			.setHeader("")
			.setKey("actions")
			.setAutoWidth(true)
			.setFlexGrow(0)
			.setFrozenToEnd(true);
		grid.setItems(query -> {
			GridSortOrder<InboxTask> order = grid.getSortOrder().isEmpty() ? null : grid.getSortOrder().get(0);
			Inbox.Sort sort = order == null ? Inbox.Sort.DUE : Inbox.Sort.valueOf(order.getSorted().getKey());
			boolean ascending = order == null || order.getDirection() == SortDirection.ASCENDING;
			return inbox.page(user, filter, sort, ascending, query.getOffset(), query.getLimit()).stream();
		}, query -> (int) inbox.count(user, filter));
		grid.addItemDoubleClickListener(e -> open(e.getItem()));
		grid.setSizeFull();
		grid.setEmptyStateText("No open tasks here.");
		return grid;
	}

	/** The task's name with what the hidden columns say beneath it. */
	private static Div card(Span name, InboxTask task) {
		Span details = new Span(task.partNumber() + " · " + task.productName() + " · " + task.stage() + " · due "
				+ (task.due() == null ? "—" : DAY.format(task.due())) + (task.overdue() ? " (overdue)" : "")
				+ (task.assignee() == null ? " · unclaimed" : " · with " + task.assignee()));
		details.setId("card-" + task.id());
		details.getStyle()
			.set("display", "block")
			.set("font-size", "var(--lumo-font-size-s)")
			.set("color", task.overdue() ? "var(--lumo-error-text-color)" : "var(--lumo-secondary-text-color)");
		name.getStyle().set("font-weight", "500");
		return new Div(name, details);
	}

	/**
	 * Cards below {@link #CARD_BELOW_PX}, columns above: called with the window's width
	 * when the view is attached and whenever the window is resized.
	 */
	void fitTo(int windowWidth) {
		boolean narrow = windowWidth > 0 && windowWidth < CARD_BELOW_PX;
		if (narrow == cards) {
			return;
		}
		cards = narrow;
		wideOnly.forEach(column -> column.setVisible(!narrow));
		// a card takes the width the buttons leave; a column fits its longest name
		taskColumn.setAutoWidth(!narrow);
		taskColumn.setWidth(narrow ? "8em" : null);
		if (narrow) {
			grid.addThemeName("wrap-cell-content");
		}
		else {
			grid.removeThemeName("wrap-cell-content");
		}
		grid.getDataProvider().refreshAll();
		grid.recalculateColumnWidths();
	}

	private static Span escalated() {
		Span badge = new Span("escalated");
		badge.getElement().getThemeList().add("badge error small");
		badge.getStyle().set("margin-left", "var(--lumo-space-s)");
		return badge;
	}

	/**
	 * A task the user sees as deputy for its absent assignee (docs/adr/0016-deputies.md).
	 */
	static Span forAbsent(InboxTask task) {
		Span badge = new Span("for " + task.actingForName());
		badge.setId("for-" + task.id());
		badge.getElement().getThemeList().add("badge contrast small");
		badge.getStyle().set("margin-left", "var(--lumo-space-s)");
		return badge;
	}

	private HorizontalLayout actions(InboxTask task) {
		Button open = new Button("Open", click -> open(task));
		open.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
		open.setId("open-" + task.id());
		HorizontalLayout actions = new HorizontalLayout(open);
		actions.setSpacing(false);
		actions.getStyle().set("gap", "var(--lumo-space-xs)").set("flex-wrap", "wrap");
		if (task.assignee() == null) {
			Button claim = new Button("Claim",
					click -> act(() -> inbox.claim(user, task.id()), "Claimed: " + task.name()));
			claim.addThemeVariants(ButtonVariant.LUMO_SMALL);
			claim.setId("claim-" + task.id());
			actions.add(claim);
		}
		else if (task.assignee().equals(user.username()) || Inbox.seesAll(user.roles())) {
			Button unclaim = new Button("Give back",
					click -> act(() -> inbox.unclaim(user, task.id()), "Given back: " + task.name()));
			unclaim.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
			unclaim.setId("unclaim-" + task.id());
			actions.add(unclaim);
		}
		if (task.assignee() == null || task.assignee().equals(user.username()) || Inbox.seesAll(user.roles())) {
			Button handOver = new Button(VaadinIcon.EXCHANGE.create(), click -> handOver(task));
			handOver.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
			handOver.setTooltipText("Hand over to a colleague");
			handOver.setId("handover-" + task.id());
			actions.add(handOver);
		}
		return actions;
	}

	private void handOver(InboxTask task) {
		Dialog dialog = new Dialog();
		dialog.setHeaderTitle("Hand over: " + task.name());
		Select<UserAccount> colleague = new Select<>();
		colleague.setLabel("Colleague");
		colleague.setId("handover-colleague");
		// neither the person holding it nor the one handing it over (that would be a
		// claim)
		List<UserAccount> eligible = inbox.colleagues(task.id());
		List<UserAccount> colleagues = eligible.stream()
			.filter(c -> !c.username().equals(task.assignee()) && !c.username().equals(user.username()))
			.toList();
		colleague.setItems(colleagues);
		colleague.setItemLabelGenerator(c -> c.fullName() + " (" + c.username() + ")");
		Button confirm = new Button("Hand over", click -> {
			if (colleague.getValue() == null) {
				colleague.setInvalid(true);
				colleague.setErrorMessage("Choose a colleague");
				return;
			}
			act(() -> inbox.handOver(user, task.id(), colleague.getValue().username()),
					"Handed over to " + colleague.getValue().fullName());
			dialog.close();
		});
		confirm.setId("handover-confirm");
		confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		dialog.add(colleague);
		if (colleagues.isEmpty()) {
			Paragraph none = new Paragraph(nobodyToHandOverTo(inbox.rolesOf(task.id()), !eligible.isEmpty()));
			none.setId("handover-none");
			none.getStyle().set("max-width", "24em");
			colleague.setEnabled(false);
			confirm.setEnabled(false);
			dialog.add(none);
		}
		dialog.getFooter().add(new Button("Cancel", click -> dialog.close()), confirm);
		dialog.open();
	}

	/**
	 * Why the hand-over dialog lists nobody, naming the task's roles ({@code others}:
	 * someone holds them, but only the assignee or the person handing over).
	 */
	static String nobodyToHandOverTo(List<Role> roles, boolean others) {
		String names = roles.stream().map(Role::words).collect(Collectors.joining(" or "));
		return (others ? "No other active user holds the " : "No active user holds the ") + names
				+ (roles.size() == 1 ? " role" : " roles")
				+ " this task is for, so there is nobody to hand it over to.";
	}

	private void act(Runnable action, String done) {
		try {
			action.run();
			Notification.show(done, 3000, Notification.Position.BOTTOM_START);
		}
		catch (InvalidInput refused) {
			ErrorHandling.show(refused.getMessage());
		}
		refresh();
	}

	private void open(InboxTask task) {
		getUI().ifPresent(
				ui -> ui.navigate(TaskView.class, new com.vaadin.flow.router.RouteParameters("taskId", task.id())));
	}

	void refresh() {
		tabs.forEach(
				(scope, tab) -> tab.setLabel(scope.label() + " (" + inbox.count(user, filter.withScope(scope)) + ")"));
		grid.getDataProvider().refreshAll();
	}

	@Override
	protected void onAttach(AttachEvent event) {
		event.getUI().setPollInterval(POLL_MILLIS);
		poll = event.getUI().addPollListener(e -> refresh());
		event.getUI().getPage().retrieveExtendedClientDetails(details -> fitTo(details.getWindowInnerWidth()));
		resize = event.getUI().getPage().addBrowserWindowResizeListener(e -> fitTo(e.getWidth()));
	}

	@Override
	protected void onDetach(DetachEvent event) {
		event.getUI().setPollInterval(-1);
		if (poll != null) {
			poll.remove();
		}
		if (resize != null) {
			resize.remove();
		}
	}

}
