package io.scalegate.model.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import io.scalegate.model.cases.CaseInChange;
import io.scalegate.model.cases.CaseInChange.Edit;
import io.scalegate.model.cases.DecisionCase;
import io.scalegate.model.cases.DecisionCases;
import io.scalegate.model.change.ModelChanges;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The decision test cases of the decisions in a DMN file. They judge changes to the gate
 * rules, so they change only as part of a model change of that file, by its author (each
 * change in the audit trail and in the change's check, which the approver reads); others
 * read them. The list is the change's view: the live cases with the change's pending
 * edits, each marked "in this change: added / changed / removed". {@code onChange} runs
 * the check again.
 */
class DecisionCasesPanel extends VerticalLayout {

	private final DecisionCases cases;

	private final ModelChanges changes;

	private final long changeId;

	private final Supplier<String> content;

	private final Set<String> decisions;

	private final String user;

	private final Runnable onChange;

	private final Grid<CaseInChange> grid = new Grid<>();

	/**
	 * {@code content}: the DMN as the change holds it now (the form's fields come from
	 * its decisions); {@code mayEdit}: the change's author while it is open.
	 */
	DecisionCasesPanel(DecisionCases cases, ModelChanges changes, long changeId, Supplier<String> content,
			Set<String> decisions, String user, boolean mayEdit, Runnable onChange) {
		this.cases = cases;
		this.changes = changes;
		this.changeId = changeId;
		this.content = content;
		this.decisions = decisions;
		this.user = user;
		this.onChange = onChange;
		setPadding(false);
		setId("decision-cases");
		Button add = new Button("Add case", VaadinIcon.PLUS.create(), click -> edit(null));
		add.setId("add-case");
		add.setVisible(mayEdit);
		HorizontalLayout heading = new HorizontalLayout(new H3("Decision test cases"), add);
		heading.setAlignItems(Alignment.BASELINE);
		add(heading,
				new Paragraph("Example inputs and the outputs each decision must give. A change to these "
						+ "decisions deploys only when every case passes on the new version. "
						+ (mayEdit ? "Cases you add, change or remove here are part of this change: its check runs and "
								+ "lists them, the approver sees them, and they take effect only when the change "
								+ "is approved."
								: "Only the author of a change of this file changes them, as part of the change.")));
		grid.setId("decision-case-list");
		grid.addThemeVariants(GridVariant.LUMO_COMPACT);
		grid.addColumn(row -> row.testCase().decisionKey()).setHeader("Decision").setAutoWidth(true);
		grid.addColumn(row -> row.testCase().name()).setHeader("Case").setAutoWidth(true);
		grid.addColumn(row -> row.testCase().inputs()).setHeader("Inputs").setFlexGrow(1);
		grid.addColumn(row -> row.testCase().expected()).setHeader("Expected").setAutoWidth(true);
		grid.addColumn(row -> row.edit().words()).setHeader("Pending").setKey("edit").setAutoWidth(true);
		grid.setPartNameGenerator(row -> row.edit() == Edit.NONE ? null : "pending-" + row.edit().name().toLowerCase());
		if (mayEdit) {
			grid.addComponentColumn(row -> {
				if (!row.runs()) {
					return new HorizontalLayout();
				}
				DecisionCase testCase = row.testCase();
				Button edit = new Button(VaadinIcon.EDIT.create(), click -> edit(testCase));
				edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
				edit.setAriaLabel("Edit " + testCase.name());
				Button remove = new Button(VaadinIcon.TRASH.create(), click -> {
					ConfirmDialog confirm = new ConfirmDialog("Remove the case \"" + testCase.name() + "\"?",
							"Changes to " + testCase.decisionKey()
									+ " are no longer checked against it once this change is approved. The removal is "
									+ "part of this change and kept in the audit trail.",
							"Remove", confirmed -> {
								changes.removeCase(changeId, testCase.id(), user);
								refresh();
							});
					confirm.setConfirmButtonTheme("error primary");
					confirm.setCancelable(true);
					confirm.open();
				});
				remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ERROR);
				remove.setAriaLabel("Remove " + testCase.name());
				return new HorizontalLayout(edit, remove);
			}).setKey("actions").setAutoWidth(true).setFlexGrow(0);
		}
		grid.setHeight("360px");
		add(grid);
		grid.setItems(cases.inChange(changeId, decisions));
	}

	private void refresh() {
		grid.setItems(cases.inChange(changeId, decisions));
		onChange.run();
	}

	private void edit(DecisionCase testCase) {
		new DecisionCaseForm(content.get(), decisions, testCase, (id, decisionKey, name, inputs, expected) -> {
			changes.saveCase(changeId, id, decisionKey, name, inputs, expected, user);
			refresh();
		}).open();
	}

}
