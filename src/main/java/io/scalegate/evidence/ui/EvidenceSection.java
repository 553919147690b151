package io.scalegate.evidence.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.scalegate.base.InvalidInput;
import io.scalegate.evidence.EvidenceEntry;
import io.scalegate.evidence.EvidenceKind;
import io.scalegate.evidence.EvidenceRecorder;
import io.scalegate.evidence.EvidenceRow;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One tab of a product's evidence: an optional chart, the rows in a grid, and add/edit
 * dialogs for those whose role may record this kind. What each kind shows and asks is
 * given by {@link Kind}.
 */
final class EvidenceSection<R extends EvidenceRow> extends VerticalLayout {

	/** What one kind of evidence shows and asks for. */
	interface Kind<R extends EvidenceRow> {

		EvidenceKind kind();

		void columns(Grid<R> grid);

		void fields(EntryForm form);

		void fill(EntryForm form, R row);

		EvidenceEntry<R> entry(EntryForm form);

		default Component chart(List<R> rows) {
			return null;
		}

	}

	private final Kind<R> kind;

	private final String partNumber;

	private final Supplier<List<R>> rows;

	private final EvidenceRecorder recorder;

	private final String username;

	private final Runnable changed;

	private final Grid<R> grid = new Grid<>();

	private Component chart;

	EvidenceSection(Kind<R> kind, String partNumber, Supplier<List<R>> rows, EvidenceRecorder recorder, String username,
			boolean mayRecord, Runnable changed) {
		this.kind = kind;
		this.partNumber = partNumber;
		this.rows = rows;
		this.recorder = recorder;
		this.username = username;
		this.changed = changed;
		setPadding(false);
		String id = kind.kind().name().toLowerCase().replace('_', '-');
		setId("evidence-" + id);
		grid.setId("grid-" + id);
		kind.columns(grid);
		grid.addColumn(EvidenceRow::recordedBy).setHeader("Recorded by").setAutoWidth(true);
		if (mayRecord) {
			grid.addComponentColumn(row -> {
				Button edit = new Button(VaadinIcon.EDIT.create(), click -> open(row));
				edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
				edit.setAriaLabel("Edit");
				edit.setClassName("edit-row");
				return edit;
			}).setKey("edit").setHeader("").setAutoWidth(true).setFlexGrow(0);
			Button add = new Button("Add " + singular(kind.kind()), VaadinIcon.PLUS.create(), click -> open(null));
			add.setId("add-" + id);
			add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
			add(add);
		}
		grid.setAllRowsVisible(true);
		add(grid);
		refresh();
	}

	void refresh() {
		List<R> all = rows.get();
		grid.setItems(all);
		Component fresh = kind.chart(all);
		if (chart != null) {
			remove(chart);
		}
		chart = fresh;
		if (chart != null) {
			addComponentAsFirst(chart);
		}
	}

	private void open(R existing) {
		Dialog dialog = new Dialog();
		dialog.setHeaderTitle((existing == null ? "Add " : "Edit ") + singular(kind.kind()));
		dialog.setId("evidence-dialog");
		EntryForm form = new EntryForm();
		kind.fields(form);
		if (existing != null) {
			kind.fill(form, existing);
			form.area("reason", "Reason for the change (kept in the audit trail)");
		}
		dialog.add(form);
		Button save = new Button("Save", click -> save(dialog, form, existing));
		save.setId("save-evidence");
		save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		Button cancel = new Button("Cancel", click -> dialog.close());
		dialog.getFooter().add(cancel, save);
		dialog.setWidth("640px");
		dialog.open();
	}

	private void save(Dialog dialog, EntryForm form, R existing) {
		try {
			EvidenceEntry<R> entry = kind.entry(form);
			if (existing == null) {
				recorder.record(partNumber, entry, username);
			}
			else {
				recorder.edit(partNumber, existing.id(), entry, form.value("reason"), username);
			}
		}
		catch (InvalidInput invalid) {
			form.show(invalid);
			return;
		}
		dialog.close();
		Notification.show("Saved. The gate readiness is up to date.", 3000, Notification.Position.BOTTOM_START)
			.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
		refresh();
		changed.run();
	}

	static String singular(EvidenceKind kind) {
		return switch (kind) {
			case SMALL_BATCH -> "small batch";
			case ORDER -> "order";
			case FEEDBACK -> "feedback";
			case COST_ESTIMATE -> "cost estimate";
			case DESIGN_CHANGE -> "design change";
			case CAPABILITY_STUDY -> "capability study";
		};
	}

	static <T> com.vaadin.flow.function.ValueProvider<T, String> orDash(Function<T, Object> value) {
		return row -> {
			Object v = value.apply(row);
			return v == null ? "—" : v.toString();
		};
	}

}
