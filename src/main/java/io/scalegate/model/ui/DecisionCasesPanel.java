package io.scalegate.model.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import io.scalegate.base.InvalidInput;
import io.scalegate.base.ui.FieldErrors;
import io.scalegate.model.cases.DecisionCase;
import io.scalegate.model.cases.DecisionCases;
import java.util.Map;
import java.util.Set;

/**
 * The decision test cases of the decisions in a DMN file: process owners add, change and
 * remove them (each change in the audit trail); {@code onChange} runs the check again.
 */
class DecisionCasesPanel extends VerticalLayout {

	private final DecisionCases cases;

	private final Set<String> decisions;

	private final String user;

	private final Runnable onChange;

	private final Grid<DecisionCase> grid = new Grid<>();

	DecisionCasesPanel(DecisionCases cases, Set<String> decisions, String user, boolean mayEdit, Runnable onChange) {
		this.cases = cases;
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
		add(heading, new Paragraph("Example inputs and the outputs each decision must give. A change to these "
				+ "decisions deploys only when every case passes on the new version."));
		grid.setId("decision-case-list");
		grid.addThemeVariants(GridVariant.LUMO_COMPACT);
		grid.addColumn(DecisionCase::decisionKey).setHeader("Decision").setAutoWidth(true);
		grid.addColumn(DecisionCase::name).setHeader("Case").setAutoWidth(true);
		grid.addColumn(DecisionCase::inputs).setHeader("Inputs").setFlexGrow(1);
		grid.addColumn(DecisionCase::expected).setHeader("Expected").setAutoWidth(true);
		if (mayEdit) {
			grid.addComponentColumn(testCase -> {
				Button edit = new Button(VaadinIcon.EDIT.create(), click -> edit(testCase));
				edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
				edit.setAriaLabel("Edit " + testCase.name());
				Button remove = new Button(VaadinIcon.TRASH.create(), click -> {
					ConfirmDialog confirm = new ConfirmDialog("Remove the case \"" + testCase.name() + "\"?",
							"Changes to " + testCase.decisionKey()
									+ " are no longer checked against it. The removal is " + "kept in the audit trail.",
							"Remove", confirmed -> {
								cases.remove(testCase.id(), user);
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
		grid.setItems(cases.of(decisions));
	}

	private void refresh() {
		grid.setItems(cases.of(decisions));
		onChange.run();
	}

	private void edit(DecisionCase testCase) {
		Dialog dialog = new Dialog();
		dialog.setId("case-dialog");
		dialog.setHeaderTitle(testCase == null ? "Add a decision test case" : "Change " + testCase.name());
		dialog.setWidth("640px");
		Select<String> decision = new Select<>();
		decision.setLabel("Decision");
		decision.setItems(decisions);
		decision.setId("case-decision");
		TextField name = new TextField("Name");
		name.setId("case-name");
		name.setWidthFull();
		TextArea inputs = new TextArea("Inputs (JSON)");
		inputs.setId("case-inputs");
		inputs.setWidthFull();
		inputs.setPlaceholder("{\"demandMonths\": 12, \"demandCv\": 0.3}");
		TextArea expected = new TextArea("Expected outputs (JSON; a list for a COLLECT output)");
		expected.setId("case-expected");
		expected.setWidthFull();
		expected.setPlaceholder("{\"demandStability\": \"MODERATE\"}");
		if (testCase != null) {
			decision.setValue(testCase.decisionKey());
			name.setValue(testCase.name());
			inputs.setValue(testCase.inputs());
			expected.setValue(testCase.expected());
		}
		dialog.add(new VerticalLayout(decision, name, inputs, expected));
		Map<String, HasValidation> fields = Map.of("decisionKey", decision, "name", name, "inputs", inputs, "expected",
				expected);
		Button save = new Button("Save case", click -> {
			try {
				cases.save(testCase == null ? null : testCase.id(), decision.getValue(), name.getValue(),
						inputs.getValue(), expected.getValue(), user);
				dialog.close();
				refresh();
			}
			catch (InvalidInput invalid) {
				FieldErrors.show(invalid, fields);
			}
		});
		save.setId("case-save");
		save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		dialog.getFooter().add(new Button("Cancel", click -> dialog.close()), save);
		dialog.open();
	}

}
